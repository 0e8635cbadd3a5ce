package dev.orchestra.bench;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * Counts the commands a client sends (each is one round trip) and the BSON size of the replies it receives. Off by
 * default so that timed runs do not pay for re-encoding replies; switch it on around the calls to be measured.
 */
final class WireMeter implements CommandListener {
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private volatile boolean on;
    private final AtomicLong commands = new AtomicLong();
    private final AtomicLong replyBytes = new AtomicLong();

    /** Counts from zero until {@link #stop()}. */
    void start() {
        commands.set(0);
        replyBytes.set(0);
        on = true;
    }

    void stop() {
        on = false;
    }

    long commands() {
        return commands.get();
    }

    long replyBytes() {
        return replyBytes.get();
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        if (on) {
            commands.incrementAndGet();
        }
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        if (on) {
            replyBytes.addAndGet(bsonSize(event.getResponse()));
        }
    }

    static long bsonSize(BsonDocument document) {
        if (document instanceof RawBsonDocument raw) {
            return raw.getByteBuffer().remaining();
        }
        return new RawBsonDocument(document, CODEC).getByteBuffer().remaining();
    }
}
