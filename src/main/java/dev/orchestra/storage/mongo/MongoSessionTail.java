package dev.orchestra.storage.mongo;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoChangeStreamCursor;
import com.mongodb.client.MongoCollection;
import com.mongodb.connection.ClusterType;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import com.mongodb.client.model.changestream.FullDocument;
import com.mongodb.client.model.changestream.OperationType;
import dev.orchestra.storage.PollingSessionTail;
import dev.orchestra.storage.SessionFeed;
import dev.orchestra.storage.SessionTail;
import dev.orchestra.storage.model.SessionChanges;
import dev.orchestra.storage.schema.Fields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonNull;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows a session through a change stream when the server has them; a standalone server or mongo-java-server
 * has none (the driver's view of the deployment says which), and then it polls ({@link PollingSessionTail}). Either way the first poll is a
 * complete read of the session's newest items; the stream is opened before it, so nothing written in between is
 * lost.
 */
final class MongoSessionTail implements SessionTail {
    private static final Logger LOG = LoggerFactory.getLogger(MongoSessionTail.class);
    /** How long one poll waits for the next change: short, so a poll never holds a worker long. */
    private static final Duration AWAIT = Duration.ofMillis(100);
    /** Changes one poll takes at most; the rest wait for the next poll. */
    private static final int MAX_EVENTS = 1000;

    private final MongoCollection<BsonDocument> items;
    private final Supplier<ClusterType> topology;
    private final MongoErrors errors;
    private final SessionTail polling;

    /** @param topology what the driver knows of the deployment (no round trip) */
    MongoSessionTail(MongoCollection<BsonDocument> items, Supplier<ClusterType> topology, MongoErrors errors,
                     SessionTail polling) {
        this.items = items;
        this.topology = topology;
        this.errors = errors;
        this.polling = polling;
    }

    @Override
    public SessionFeed follow(String userId, String sessionId, int window) {
        SessionFeed complete = polling.follow(userId, sessionId, window);
        if (!hasChangeStreams()) {
            return complete;
        }
        MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor;
        try {
            cursor = items.watch(List.of(match(userId, sessionId))).fullDocument(FullDocument.UPDATE_LOOKUP)
                    .maxAwaitTime(AWAIT.toMillis(), TimeUnit.MILLISECONDS).cursor();
        } catch (MongoCommandException refused) {
            // A standalone server or mongo-java-server: the server answered, it has no change streams.
            LOG.debug("No change streams on this server, following by polling: {}", refused.getErrorMessage());
            return complete;
        } catch (MongoException e) {
            throw errors.translate("follow session", e);
        }
        return new ChangeStreamFeed(cursor, complete, errors);
    }

    /**
     * Change streams need a replica set, a sharded cluster or a load balancer in front of one; the driver already
     * knows which this is, so a standalone server is not sent a command it would refuse. (mongo-java-server, which
     * the embedded store runs, says it is standalone: it has change streams only with its oplog on, which the
     * embedded store leaves off, so polling is right there too.)
     */
    private boolean hasChangeStreams() {
        ClusterType type = topology.get();
        return type == ClusterType.REPLICA_SET || type == ClusterType.SHARDED || type == ClusterType.LOAD_BALANCED;
    }

    /** Deletions carry only the id, so every deletion passes; the reader ignores ids it does not show. */
    private static BsonDocument match(String userId, String sessionId) {
        BsonDocument ofSession = new BsonDocument("fullDocument." + Fields.USER_ID, new BsonString(userId))
                .append("fullDocument." + Fields.SESSION_ID,
                        sessionId == null ? BsonNull.VALUE : new BsonString(sessionId));
        return new BsonDocument("$match", new BsonDocument("$or", new BsonArray(List.of(
                new BsonDocument("operationType", new BsonString("delete")), ofSession))));
    }

    private static final class ChangeStreamFeed implements SessionFeed {
        private final MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor;
        private final SessionFeed complete;
        private final MongoErrors errors;
        private boolean first = true;

        ChangeStreamFeed(MongoChangeStreamCursor<ChangeStreamDocument<BsonDocument>> cursor, SessionFeed complete,
                         MongoErrors errors) {
            this.cursor = cursor;
            this.complete = complete;
            this.errors = errors;
        }

        @Override
        public Mode mode() {
            return Mode.CHANGE_STREAM;
        }

        @Override
        public synchronized SessionChanges poll() {
            if (first) {
                first = false;
                return complete.poll();
            }
            Map<BsonValue, BsonDocument> upserted = new LinkedHashMap<>();
            List<BsonValue> removed = new ArrayList<>();
            errors.run("follow session", () -> {
                for (int i = 0; i < MAX_EVENTS; i++) {
                    ChangeStreamDocument<BsonDocument> event = cursor.tryNext();
                    if (event == null) {
                        return;
                    }
                    BsonValue id = event.getDocumentKey() == null ? null : event.getDocumentKey().get(Fields.ID);
                    if (event.getOperationType() == OperationType.DELETE && id != null) {
                        upserted.remove(id);
                        removed.add(id);
                    } else if (event.getFullDocument() != null) {
                        BsonDocument d = event.getFullDocument().clone();
                        d.remove(Fields.EMBEDDING); // as list pages: the transcript never shows vectors
                        upserted.put(d.get(Fields.ID), d);
                    }
                }
            });
            return SessionChanges.delta(new ArrayList<>(upserted.values()), removed);
        }

        @Override
        public synchronized void close() {
            cursor.close();
        }
    }
}
