package dev.orchestra.storage.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.ReadOnlyViolationException;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.mongo.MongoMemoryManager;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.keys.RedisKeyName;
import dev.orchestra.storage.redis.keys.RedisKeys;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import dev.orchestra.storage.testsupport.redis.RedisFixture.Shape;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * Deleting a Redis key and changing its TTL from the key browser, on a real redis-server and the real driver against
 * mongo-java-server: each change is audited (the deletion with the key's DUMP, which RESTORE puts back byte for
 * byte), and while writes are locked both the actions and the gated capability refuse, changing nothing.
 */
class RedisKeyActionsIT {
    private static MongoTestServer mongo;
    private static RedisFixture redis;
    private TieredMemoryManager tiered;
    private SafeStorage storage;
    private String prefix;

    @BeforeAll
    static void startServers() {
        mongo = MongoTestServer.start();
        redis = RedisFixture.start(Shape.STANDALONE);
    }

    @AfterAll
    static void stopServers() {
        redis.close();
        mongo.close();
    }

    @BeforeEach
    void open() {
        RedisCache cache = new RedisCache(redis.settings("actions", Duration.ofMinutes(5)));
        prefix = cache.keys().prefix();
        tiered = new TieredMemoryManager(new MongoMemoryManager(mongo.connectionString(), mongo.uniqueDatabaseName(),
                Duration.ofSeconds(5)), cache);
        tiered.initialize();
        storage = SafeStorage.wrap(tiered, WriteLock.unlocked(), new Actor("tester", Actor.GUI));
    }

    @AfterEach
    void close() {
        redis.keys(prefix).forEach(redis.client()::del);
        tiered.close();
    }

    private RedisKeyActions actions() {
        return storage.operations().redisKeys().orElseThrow();
    }

    private List<AuditEntry> audit() {
        return storage.operations().audit().list(PageRequest.first(50)).items();
    }

    @Test
    void aDeletedKeyIsAuditedWithItsDumpWhichRestoresItExactly() {
        UnifiedJedis client = redis.client();
        String key = prefix + "history:u1:s1";
        client.rpush(key, "{\"format\": \"orchestra-ejson/1\"}", "{\"n\": 1}");
        byte[] dump = client.dump(key);

        assertThat(actions().delete(RedisKeyName.of(key))).isTrue();

        assertThat(client.exists(key)).isFalse();
        AuditEntry entry = audit().get(0);
        assertThat(entry.action()).isEqualTo("delete_key");
        assertThat(entry.collection()).isEqualTo(RedisKeyActions.AUDIT_COLLECTION);
        assertThat(entry.documentId().asString().getValue()).isEqualTo(key);
        assertThat(entry.user()).isEqualTo("tester");
        assertThat(entry.before().getString("type").getValue()).isEqualTo("list");
        assertThat(entry.before().getInt64("length").getValue()).isEqualTo(2);
        byte[] audited = entry.before().getBinary("dump").getData();
        assertThat(audited).isEqualTo(dump);
        client.restore(key, 0, audited);
        assertThat(client.lrange(key, 0, -1)).containsExactly("{\"format\": \"orchestra-ejson/1\"}", "{\"n\": 1}");

        assertThat(actions().delete(RedisKeyName.of(prefix + "gone"))).isFalse();
        assertThat(audit()).hasSize(1);
    }

    @Test
    void ttlChangesAreAuditedBeforeAndAfter() {
        String key = prefix + "session:u1:s1";
        redis.client().hset(key, "format", "x");

        assertThat(actions().expire(RedisKeyName.of(key), Duration.ofMinutes(10))).isTrue();
        assertThat(redis.client().pttl(key)).isBetween(1L, 600_000L);
        assertThat(actions().persist(RedisKeyName.of(key))).isTrue();
        assertThat(redis.client().pttl(key)).isEqualTo(-1);

        List<AuditEntry> entries = audit();
        assertThat(entries).extracting(AuditEntry::action).containsExactly("set_key_ttl", "set_key_ttl");
        AuditEntry expire = entries.get(1);
        assertThat(expire.before().getInt64("ttl_ms").getValue()).isEqualTo(-1);
        assertThat(expire.after().getInt64("ttl_ms").getValue()).isEqualTo(600_000);
        assertThat(entries.get(0).after().getInt64("ttl_ms").getValue()).isEqualTo(-1);
    }

    @Test
    void whileLockedNothingChangesAndNothingIsAudited() {
        String key = prefix + "history:u2";
        redis.client().set(key, "v");
        redis.client().pexpire(key, 600_000);
        byte[] dump = redis.client().dump(key);
        storage.writeLock().lock();
        RedisKeyName name = RedisKeyName.of(key);

        assertThatThrownBy(() -> actions().delete(name)).isInstanceOf(ReadOnlyViolationException.class);
        assertThatThrownBy(() -> actions().expire(name, Duration.ofSeconds(5)))
                .isInstanceOf(ReadOnlyViolationException.class);
        assertThatThrownBy(() -> actions().persist(name)).isInstanceOf(ReadOnlyViolationException.class);
        RedisKeys gated = storage.manager().capability(RedisKeys.class).orElseThrow();
        assertThatThrownBy(() -> gated.delete(name)).isInstanceOf(ReadOnlyViolationException.class);
        assertThatThrownBy(() -> gated.persist(name)).isInstanceOf(ReadOnlyViolationException.class);

        assertThat(gated.describe(name)).isPresent(); // looking still works
        assertThat(redis.client().dump(key)).isEqualTo(dump);
        assertThat(redis.client().pttl(key)).isGreaterThan(500_000);
        storage.writeLock().unlock();
        assertThat(audit()).isEmpty();
    }
}
