package dev.orchestra.storage.model;

import java.time.Instant;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * What changed in a followed session since the last poll: items added or edited ({@code upserted}, each the whole
 * stored document as a list page shows it) and ids deleted. A <em>complete</em> batch also says that
 * {@code upserted} is every item of the session newer than {@code completeAfter} (every item when null), so a reader
 * drops whatever it shows in that range that the batch does not hold: a deletion it would otherwise miss.
 */
public record SessionChanges(List<BsonDocument> upserted, List<BsonValue> removed, boolean complete,
                             Instant completeAfter) {
    public static final SessionChanges NONE = new SessionChanges(List.of(), List.of(), false, null);

    public SessionChanges {
        upserted = List.copyOf(upserted);
        removed = List.copyOf(removed);
    }

    /** Only deltas: added or edited documents and deleted ids. */
    public static SessionChanges delta(List<BsonDocument> upserted, List<BsonValue> removed) {
        return upserted.isEmpty() && removed.isEmpty() ? NONE : new SessionChanges(upserted, removed, false, null);
    }

    public boolean isEmpty() {
        return upserted.isEmpty() && removed.isEmpty() && !complete;
    }
}
