package dev.orchestra.bench;

import dev.orchestra.storage.testsupport.FaultProxy;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;

/**
 * Reads the MongoDB wire protocol passing through a {@link FaultProxy}: counts the commands clients send (one round
 * trip each) and the bytes of the server's replies to them, as they travel (message headers included). The driver's
 * monitoring and handshake commands ({@code hello}, {@code isMaster}) and the health poll's {@code ping} are left out; the driver never pipelines on a
 * connection, so each reply belongs to the last command sent on it. The replies are also read for the documents
 * their cursor batches return.
 */
public final class MongoWireTap implements FaultProxy.Tap {
    private static final int OP_MSG = 2013;
    private static final Set<String> MONITORING = Set.of("hello", "ismaster", "isMaster", "buildinfo", "buildInfo",
            "ping");

    private final Map<Long, Connection> connections = new ConcurrentHashMap<>();
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong replyBytes = new AtomicLong();
    private final AtomicLong documents = new AtomicLong();
    private final Map<String, AtomicLong> byName = new ConcurrentHashMap<>();
    private volatile long lastReplyNanos;
    private volatile boolean on;

    public void start() {
        commands.set(0);
        replyBytes.set(0);
        documents.set(0);
        byName.clear();
        lastReplyNanos = System.nanoTime();
        on = true;
    }

    public void stop() {
        on = false;
    }

    public long commands() {
        return commands.get();
    }

    long replyBytes() {
        return replyBytes.get();
    }

    /** Documents in the cursor batches of the replies ({@code firstBatch}/{@code nextBatch}). */
    long documents() {
        return documents.get();
    }

    /** When the last counted reply arrived ({@link System#nanoTime()}). */
    long lastReplyNanos() {
        return lastReplyNanos;
    }

    /** The counted commands by name, e.g. "find ×2, count ×1". */
    public String commandNames() {
        return byName.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + " ×" + e.getValue().get()).reduce((a, b) -> a + ", " + b).orElse("none");
    }

    @Override
    public void onData(long connectionId, boolean fromClient, byte[] data, int offset, int length) {
        Connection connection = connections.computeIfAbsent(connectionId, id -> new Connection());
        synchronized (connection) {
            if (fromClient) {
                connection.request.write(data, offset, length);
                connection.drainRequests(this);
            } else if (connection.counted && on) {
                replyBytes.addAndGet(length);
                connection.appendReply(data, offset, length);
                connection.drainReplies(this);
            }
        }
    }

    @Override
    public void onClose(long connectionId) {
        connections.remove(connectionId);
    }

    private void commandSent(Connection connection, String name) {
        connection.counted = !MONITORING.contains(name);
        if (connection.counted && on) {
            commands.incrementAndGet();
            byName.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
        }
        connection.replyLength = 0;
    }

    private static final class Connection {
        final ByteArrayOutputStream request = new ByteArrayOutputStream();
        /** The reply bytes not yet parsed (a growable buffer: a large reply arrives in many chunks). */
        byte[] reply = new byte[64 * 1024];
        int replyLength;
        boolean counted;

        void drainReplies(MongoWireTap tap) {
            int position = 0;
            while (replyLength - position >= 4) {
                int messageLength = intAt(reply, position);
                if (replyLength - position < messageLength) {
                    break;
                }
                tap.documents.addAndGet(batchSize(reply, position, messageLength));
                tap.lastReplyNanos = System.nanoTime();
                position += messageLength;
            }
            System.arraycopy(reply, position, reply, 0, replyLength - position);
            replyLength -= position;
        }

        void appendReply(byte[] data, int offset, int length) {
            if (replyLength + length > reply.length) {
                reply = Arrays.copyOf(reply, Math.max(reply.length * 2, replyLength + length));
            }
            System.arraycopy(data, offset, reply, replyLength, length);
            replyLength += length;
        }

        /** The documents of an OP_MSG reply's cursor batch: header(16) flagBits(4) kind-0 section(1), the body. */
        private static int batchSize(byte[] bytes, int start, int length) {
            if (intAt(bytes, start + 12) != OP_MSG || bytes[start + 20] != 0) {
                return 0;
            }
            int bodyStart = start + 21;
            RawBsonDocument body = new RawBsonDocument(bytes, bodyStart, intAt(bytes, bodyStart));
            if (!body.isDocument("cursor")) {
                return 0;
            }
            BsonDocument cursor = body.getDocument("cursor");
            for (String batch : new String[] {"firstBatch", "nextBatch"}) {
                if (cursor.isArray(batch)) {
                    return cursor.getArray(batch).size();
                }
            }
            return 0;
        }

        void drainRequests(MongoWireTap tap) {
            byte[] bytes = request.toByteArray();
            int position = 0;
            while (bytes.length - position >= 4) {
                int messageLength = intAt(bytes, position);
                if (bytes.length - position < messageLength) {
                    break;
                }
                tap.commandSent(this, commandName(bytes, position));
                position += messageLength;
            }
            request.reset();
            request.write(bytes, position, bytes.length - position);
        }

        /** OP_MSG: header(16) flagBits(4) kind-0 section(1) then the body: int32 length, type byte, the name. */
        private static String commandName(byte[] bytes, int start) {
            if (intAt(bytes, start + 12) != OP_MSG) {
                return "legacy";
            }
            int nameStart = start + 16 + 4 + 1 + 4 + 1;
            int end = nameStart;
            while (bytes[end] != 0) {
                end++;
            }
            return new String(bytes, nameStart, end - nameStart, StandardCharsets.UTF_8);
        }

        private static int intAt(byte[] b, int i) {
            return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8 | (b[i + 2] & 0xff) << 16 | (b[i + 3] & 0xff) << 24;
        }
    }
}
