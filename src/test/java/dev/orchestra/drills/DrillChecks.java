package dev.orchestra.drills;

import static org.awaitility.Awaitility.await;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** What every drill counts at its end, and how it waits for the workload to make progress. */
final class DrillChecks {
    private DrillChecks() {
    }

    static void awaitOperations(DrillWorkload workload, int more, Duration limit) {
        long target = workload.attempted.get() + more;
        await().atMost(limit).until(() -> workload.attempted.get() >= target);
    }

    /** Acknowledged inserts/edits that MongoDB does not hold as acknowledged, and acknowledged deletes it still has. */
    static long countLost(DrillLedger ledger, MemoryManager truth) {
        long lost = 0;
        for (Map.Entry<BsonValue, DrillLedger.Expectation> entry : ledger.all().entrySet()) {
            DrillLedger.Expectation expected = entry.getValue();
            Optional<BsonDocument> stored = truth.findById(StoreCollection.MEMORY_ITEMS, entry.getKey());
            boolean ok = stored.isEmpty() ? expected.mayBeAbsent : expected.mayBePresent
                    && expected.texts.contains(stored.get().getString("text_content").getValue());
            lost += ok ? 0 : 1;
        }
        return lost;
    }

    /** Every session's and user's history read twice through the tiered manager (miss then hit) against MongoDB's. */
    static long countStaleReads(MemoryManager tiered, MemoryManager truth) {
        long stale = 0;
        for (int u = 0; u < DrillWorkload.USERS; u++) {
            String user = DrillWorkload.user(u);
            for (int s = -1; s < DrillWorkload.SESSIONS_PER_USER; s++) {
                String session = s < 0 ? null : DrillWorkload.session(u, s);
                List<MemoryItem> expected = truth.getConversationHistory(user, session, 20, null);
                for (int read = 0; read < 2; read++) {
                    stale += tiered.getConversationHistory(user, session, 20, null).equals(expected) ? 0 : 1;
                }
            }
        }
        return stale;
    }
}
