package dev.orchestra.storage;

import static dev.orchestra.storage.ContractFixtures.T0;
import static dev.orchestra.storage.ContractFixtures.memoryDoc;
import static dev.orchestra.storage.ContractFixtures.sessionDoc;
import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.mapping.SessionBatches;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.SessionRef;
import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/**
 * The batch reads of many sessions ({@link MemoryManager#getConversationHistories},
 * {@link MemoryManager#findSessionRecords}) equal the per-session reads they replace, on generated data: user-level
 * histories (null session), sessions with more items than the limit, equal and missing timestamps, sessions without
 * items, duplicate records where the store lets them be written, and more sessions than one query names.
 */
public interface SessionBatchContract {
    MemoryManager manager();

    @Test
    default void historiesOfManySessionsEqualTheReadsOfEach() {
        List<SessionRef> sessions = generateHistories(new Random(16));

        for (int limit : List.of(1, 3, 7, 1000)) {
            Map<SessionRef, List<MemoryItem>> expected = new LinkedHashMap<>();
            sessions.forEach(s -> expected.put(s,
                    manager().getConversationHistory(s.userId(), s.sessionId(), limit, null)));

            Map<SessionRef, List<MemoryItem>> batch = manager().getConversationHistories(sessions, limit);

            assertThat(batch).as("limit %d", limit).containsExactlyEntriesOf(expected);
        }
    }

    @Test
    default void aSessionCrowdedOutOfABatchIsStillReadInFull() {
        List<BsonDocument> items = new ArrayList<>();
        for (int i = 0; i < 12; i++) { // the newest items of all: they fill the whole reply of a batch
            items.add(memoryDoc("busy-" + i, "crowd", "busy", T0.plusSeconds(1000 + i), "conversation", "b" + i));
        }
        items.add(memoryDoc("quiet-0", "crowd", "quiet", T0, "conversation", "q0"));
        items.add(memoryDoc("quiet-1", "crowd", "quiet", T0.plusSeconds(1), "conversation", "q1"));
        manager().insertAll(StoreCollection.MEMORY_ITEMS, items);
        List<SessionRef> sessions = List.of(new SessionRef("crowd", "busy"), new SessionRef("crowd", "quiet"),
                new SessionRef("crowd", "nothing"));

        Map<SessionRef, List<MemoryItem>> batch = manager().getConversationHistories(sessions, 3);

        assertThat(batch.get(sessions.get(0))).extracting(MemoryItem::textContent).containsExactly("b9", "b10", "b11");
        assertThat(batch.get(sessions.get(1))).extracting(MemoryItem::textContent).containsExactly("q0", "q1");
        assertThat(batch.get(sessions.get(2))).isEmpty();
    }

    @Test
    default void sessionsCrowdedOutOfEveryRoundAreReadOnTheirOwn() {
        List<BsonDocument> items = new ArrayList<>();
        List<SessionRef> sessions = new ArrayList<>();
        int tiers = SessionBatches.ROUNDS + 2;
        for (int t = 0; t < tiers; t++) { // each tier's items all newer than the next tier's: it fills a round
            sessions.add(new SessionRef("tiers", "t" + t));
            for (int i = 0; i < tiers + 1; i++) {
                items.add(memoryDoc("t" + t + "-" + i, "tiers", "t" + t, T0.plusSeconds(1000L * (tiers - t) + i),
                        "conversation", "t" + t + "/" + i));
            }
        }
        manager().insertAll(StoreCollection.MEMORY_ITEMS, items);

        Map<SessionRef, List<MemoryItem>> batch = manager().getConversationHistories(sessions, 2);

        for (int t = 0; t < tiers; t++) {
            assertThat(batch.get(sessions.get(t))).as("tier %d", t).extracting(MemoryItem::textContent)
                    .containsExactly("t" + t + "/" + (tiers - 1), "t" + t + "/" + tiers);
        }
    }

    @Test
    default void recordsOfManySessionsEqualTheReadsOfEach() {
        List<BsonDocument> records = new ArrayList<>();
        List<SessionRef> sessions = new ArrayList<>();
        int count = SessionBatches.SESSIONS_PER_QUERY + 7; // more than one query names
        for (int s = 0; s < count; s++) {
            String user = "ru" + (s % 9);
            sessions.add(new SessionRef(user, "rs" + s));
            if (s % 5 != 0) { // every fifth session has no record
                records.add(sessionDoc(user, "rs" + s, T0, T0.plusSeconds(s)));
            }
        }
        manager().insertAll(StoreCollection.USER_SESSIONS, records);
        try { // a duplicate record: kept out where the store enforces (user_id, session_id) unique
            manager().insert(StoreCollection.USER_SESSIONS, sessionDoc("ru1", "rs1", T0, T0.plusSeconds(99)));
        } catch (StorageException uniqueEnforced) {
            assertThat(manager().count(StoreCollection.USER_SESSIONS, DocumentFilter.forSession("ru1", "rs1"))
                    .value()).isEqualTo(1);
        }
        sessions.add(new SessionRef("ru1", "rs1")); // asked twice

        Map<SessionRef, List<BsonDocument>> batch = manager().findSessionRecords(sessions);

        assertThat(batch.keySet()).containsExactlyElementsOf(new java.util.LinkedHashSet<>(sessions));
        for (SessionRef s : sessions) {
            List<BsonDocument> each = manager().findPage(StoreCollection.USER_SESSIONS,
                    DocumentFilter.forSession(s.userId(), s.sessionId()),
                    PageRequest.first(SessionBatches.RECORDS_PER_SESSION)).items();
            assertThat(batch.get(s)).as("%s", s).containsExactlyInAnyOrderElementsOf(each);
        }
        assertThat(batch.get(new SessionRef("ru0", "rs0"))).isEmpty();
        assertThat(batch.get(new SessionRef("ru2", "rs2"))).hasSize(1);
    }

    /** Two users' items in sessions of 0–9 items, some at equal times, some undated, some without a session. */
    private List<SessionRef> generateHistories(Random random) {
        List<BsonDocument> items = new ArrayList<>();
        List<SessionRef> sessions = new ArrayList<>();
        int n = 0;
        for (String user : List.of("hu1", "hu2")) {
            sessions.add(new SessionRef(user, null));
            for (int s = 0; s < 6; s++) {
                String session = user + "-s" + s;
                sessions.add(new SessionRef(user, session));
                int size = s == 0 ? 0 : random.nextInt(10);
                for (int i = 0; i < size; i++) {
                    var time = random.nextInt(4) == 0 ? null : T0.plusSeconds(random.nextInt(6));
                    items.add(memoryDoc("h" + (n++), user, session, time, "conversation", "t" + n));
                }
            }
            for (int i = 0; i < 4; i++) {
                items.add(memoryDoc("h" + (n++), user, null, T0.plusSeconds(random.nextInt(6)), "note", "t" + n));
            }
        }
        items.add(memoryDoc("h" + n, "other", "hu1-s1", T0, "conversation", "not hu1's"));
        manager().insertAll(StoreCollection.MEMORY_ITEMS, items);
        sessions.add(new SessionRef("nobody", null));
        sessions.add(new SessionRef("nobody", "none"));
        return sessions;
    }
}
