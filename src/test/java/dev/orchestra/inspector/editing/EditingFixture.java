package dev.orchestra.inspector.editing;

import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.SafeOperations;
import dev.orchestra.storage.safety.WriteLock;
import dev.orchestra.storage.safety.SteppingClock;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

/** A connected in-memory store behind the app's safe storage wrapper, on a same-thread runner. */
public final class EditingFixture {
    public final SameThreadRunner runner = new SameThreadRunner();
    public final InMemoryMemoryManager raw = new InMemoryMemoryManager();
    public final WriteLock lock;
    public final SafeStorageHolder storage;
    public final StoreConnection store;
    public final Clock clock = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

    public EditingFixture() {
        this(WriteLock.unlocked());
    }

    public EditingFixture(WriteLock lock) {
        this.lock = lock;
        // Trash and audit times step one second per read, so "newest first" does not depend on the wall clock.
        this.storage = new SafeStorageHolder(lock, new Actor("tester", "unit-test"), new SteppingClock());
        this.store = new StoreConnection(runner, storage.wrap(() -> raw));
        store.connect();
    }

    public SafeOperations ops() {
        return storage.operations();
    }

    public MemoryManager manager() {
        return storage.manager();
    }

    /** A memory item holding many BSON types, stored directly (as another service would). */
    public BsonDocument storeRichItem(String id) {
        BsonDocument doc = new BsonDocument("_id", new BsonString(id))
                .append("user_id", new BsonString("alice"))
                .append("session_id", new BsonString("s1"))
                .append("timestamp", new BsonDateTime(1_700_000_000_000L))
                .append("item_type", new BsonString("conversation"))
                .append("text_content", new BsonString("hello"))
                .append("metadata", new BsonDocument("count", new BsonInt64(5_000_000_000L))
                        .append("small", new BsonInt32(7))
                        .append("price", new BsonDecimal128(Decimal128.parse("12.50")))
                        .append("ratio", new BsonDouble(0.25))
                        .append("ref", new BsonObjectId(new ObjectId("65a1b2c3d4e5f60718293a4b")))
                        .append("blob", new BsonBinary(new byte[] {1, 2, 3})))
                .append("unknown_field", new BsonString("kept"));
        raw.insert(StoreCollection.MEMORY_ITEMS, doc);
        return raw.findById(StoreCollection.MEMORY_ITEMS, doc.get("_id")).orElseThrow();
    }
}
