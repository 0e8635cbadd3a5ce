package dev.orchestra.drills;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.StoreCollection;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * A mixed workload through one manager, one operation after another: 50% history reads, 25% inserts, 15% edits,
 * 10% deletes over a few users' sessions. Every outcome is counted; every failure is kept when it is not a
 * {@link StorageException} (which the drill treats as "unclear").
 */
final class DrillWorkload implements Runnable {
    static final int USERS = 4;
    static final int SESSIONS_PER_USER = 2;

    private final MemoryManager manager;
    private final DrillLedger ledger;
    private final SplittableRandom random;
    private final long maxOperations;
    private volatile boolean stopped;

    final AtomicLong attempted = new AtomicLong();
    final AtomicLong succeeded = new AtomicLong();
    final AtomicLong failedClearly = new AtomicLong();
    final AtomicLong connectionFailures = new AtomicLong();
    final ConcurrentLinkedQueue<Throwable> unclear = new ConcurrentLinkedQueue<>();
    final AtomicLong lastFailureAt = new AtomicLong();
    final AtomicLong lastSuccessAt = new AtomicLong();

    DrillWorkload(MemoryManager manager, DrillLedger ledger, long seed, long maxOperations) {
        this.manager = manager;
        this.ledger = ledger;
        this.random = new SplittableRandom(seed);
        this.maxOperations = maxOperations;
    }

    void stop() {
        stopped = true;
    }

    static String user(int u) {
        return "drill-user-" + u;
    }

    static String session(int u, int s) {
        return "drill-session-" + u + "-" + s;
    }

    @Override
    public void run() {
        for (long op = 0; op < maxOperations && !stopped; op++) {
            int u = random.nextInt(USERS);
            int s = random.nextInt(SESSIONS_PER_USER);
            int kind = random.nextInt(100);
            attempted.incrementAndGet();
            try {
                if (kind < 50) {
                    manager.getConversationHistory(user(u), session(u, s), 20, null);
                } else if (kind < 75) {
                    insert(op, u, s);
                } else if (kind < 90) {
                    edit(op);
                } else {
                    delete();
                }
                succeeded.incrementAndGet();
                lastSuccessAt.set(System.nanoTime());
            } catch (StorageException e) {
                failedClearly.incrementAndGet();
                if (e instanceof StorageConnectionException) {
                    connectionFailures.incrementAndGet();
                }
                lastFailureAt.set(System.nanoTime());
            } catch (RuntimeException | Error e) {
                unclear.add(e);
                lastFailureAt.set(System.nanoTime());
            }
        }
    }

    private void insert(long op, int u, int s) {
        String text = "message " + op;
        BsonValue id = new BsonString("drill-" + op);
        MemoryItem item = MemoryItem.of(user(u), session(u, s), MemoryItem.CONVERSATION, text).withId(id);
        try {
            manager.addMemoryItem(item);
        } catch (RuntimeException e) {
            // it may have been written before the connection broke: either outcome is fine
            ledger.acknowledgedInsert(id, user(u), session(u, s), text);
            ledger.uncertainDelete(id);
            throw e;
        }
        ledger.acknowledgedInsert(id, user(u), session(u, s), text);
    }

    private void edit(long op) {
        Optional<BsonValue> target = pick();
        if (target.isEmpty()) {
            return;
        }
        BsonValue id = target.get();
        Optional<BsonDocument> stored = manager.findById(StoreCollection.MEMORY_ITEMS, id);
        if (stored.isEmpty()) {
            return; // an uncertain insert that did not happen
        }
        String text = "edited " + op;
        BsonDocument replacement = stored.get().clone();
        replacement.put("text_content", new BsonString(text));
        try {
            manager.replace(StoreCollection.MEMORY_ITEMS, stored.get(), replacement);
        } catch (RuntimeException e) {
            ledger.uncertainEdit(id, text);
            throw e;
        }
        ledger.acknowledgedEdit(id, text);
    }

    private void delete() {
        Optional<BsonValue> target = pick();
        if (target.isEmpty()) {
            return;
        }
        try {
            manager.delete(StoreCollection.MEMORY_ITEMS, target.get());
        } catch (RuntimeException e) {
            ledger.uncertainDelete(target.get());
            throw e;
        }
        ledger.acknowledgedDelete(target.get());
    }

    private Optional<BsonValue> pick() {
        List<BsonValue> live = ledger.live();
        return live.isEmpty() ? Optional.empty() : Optional.of(live.get(random.nextInt(live.size())));
    }
}
