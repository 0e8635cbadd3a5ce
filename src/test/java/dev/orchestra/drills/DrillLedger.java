package dev.orchestra.drills;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.BsonValue;

/**
 * What the workload was told, per memory item: acknowledged writes must be in MongoDB afterwards (else "lost"),
 * acknowledged deletes must not be; an operation that failed may or may not have happened, so both outcomes are
 * accepted for it.
 */
final class DrillLedger {
    /** The texts the item may have now, and whether it may be present / absent. */
    static final class Expectation {
        final String userId;
        final String sessionId;
        final Set<String> texts = ConcurrentHashMap.newKeySet();
        volatile boolean mayBePresent = true;
        volatile boolean mayBeAbsent;

        Expectation(String userId, String sessionId) {
            this.userId = userId;
            this.sessionId = sessionId;
        }
    }

    private final Map<BsonValue, Expectation> items = new ConcurrentHashMap<>();

    void acknowledgedInsert(BsonValue id, String userId, String sessionId, String text) {
        Expectation e = new Expectation(userId, sessionId);
        e.texts.add(text);
        items.put(id, e);
    }

    void acknowledgedEdit(BsonValue id, String newText) {
        Expectation e = items.get(id);
        e.texts.clear();
        e.texts.add(newText);
    }

    void uncertainEdit(BsonValue id, String newText) {
        items.get(id).texts.add(newText);
    }

    void acknowledgedDelete(BsonValue id) {
        Expectation e = items.get(id);
        e.mayBePresent = false;
        e.mayBeAbsent = true;
    }

    void uncertainDelete(BsonValue id) {
        items.get(id).mayBeAbsent = true;
    }

    /** Items that are (or may still be) present, for edits and deletes to pick from. */
    List<BsonValue> live() {
        List<BsonValue> ids = new ArrayList<>();
        items.forEach((id, e) -> {
            if (e.mayBePresent && !e.mayBeAbsent) {
                ids.add(id);
            }
        });
        return ids;
    }

    Map<BsonValue, Expectation> all() {
        return items;
    }
}
