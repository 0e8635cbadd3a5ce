package dev.orchestra.storage;

import static dev.orchestra.storage.validation.Arguments.requireText;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.SessionChanges;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.schema.Fields;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Following by polling, for any {@link DocumentStore}: each poll reads the session's newest {@code window} items
 * (one keyset page sorted {@code (timestamp desc, _id desc)}, embeddings left out as on every list page) and
 * compares them with the previous read. An item that left the window because newer ones pushed it out is not a
 * deletion; only one newer than the window's oldest item (or any, while the session fits in the window) is.
 */
public final class PollingSessionTail implements SessionTail {
    private final DocumentStore store;

    public PollingSessionTail(DocumentStore store) {
        this.store = store;
    }

    @Override
    public SessionFeed follow(String userId, String sessionId, int window) {
        requireText(userId, Fields.USER_ID);
        if (window < 1 || window > MAX_WINDOW) {
            throw new StorageValidationException("The follow window must be between 1 and " + MAX_WINDOW
                    + ", was " + window);
        }
        DocumentFilter filter = sessionId == null ? DocumentFilter.withoutSession(userId)
                : DocumentFilter.forSession(userId, sessionId);
        return new Feed(store, filter, window);
    }

    private static final class Feed implements SessionFeed {
        private final DocumentStore store;
        private final DocumentFilter filter;
        private final int window;
        private Map<BsonValue, BsonDocument> previous;

        Feed(DocumentStore store, DocumentFilter filter, int window) {
            this.store = store;
            this.filter = filter;
            this.window = window;
        }

        @Override
        public Mode mode() {
            return Mode.POLLING;
        }

        @Override
        public synchronized SessionChanges poll() {
            Page<BsonDocument> page = store.findPage(StoreCollection.MEMORY_ITEMS, filter,
                    new PageRequest(window, null));
            Map<BsonValue, BsonDocument> current = new LinkedHashMap<>();
            page.items().forEach(d -> current.put(d.get(Fields.ID), d));
            // The window's lower edge: older items are outside what this read can vouch for.
            Instant after = page.hasMore() && !page.items().isEmpty()
                    ? time(page.items().get(page.items().size() - 1)) : null;
            boolean full = page.hasMore();
            Map<BsonValue, BsonDocument> before = previous;
            previous = current;
            if (before == null) {
                List<BsonDocument> chronological = new ArrayList<>(current.values());
                Collections.reverse(chronological);
                return new SessionChanges(chronological, List.of(), true, full ? after : null);
            }
            List<BsonDocument> upserted = new ArrayList<>();
            current.forEach((id, d) -> {
                if (!d.equals(before.get(id))) {
                    upserted.add(0, d); // oldest first, as a transcript reads
                }
            });
            List<BsonValue> removed = new ArrayList<>();
            before.forEach((id, d) -> {
                if (!current.containsKey(id) && (!full || isAfter(time(d), after))) {
                    removed.add(id);
                }
            });
            return SessionChanges.delta(upserted, removed);
        }

        private static boolean isAfter(Instant time, Instant edge) {
            return time != null && edge != null && time.isAfter(edge);
        }

        private static Instant time(BsonDocument d) {
            BsonValue t = d.get(Fields.TIMESTAMP);
            return t != null && t.isDateTime() ? Instant.ofEpochMilli(t.asDateTime().getValue()) : null;
        }

        @Override
        public void close() {
            // nothing held between polls
        }
    }
}
