package dev.orchestra.storage.tiered;

import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisCacheSettings;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.time.Duration;

/** Caches on a test Redis, each under a prefix of its own (below the server's), with quick recovery probes. */
final class TieredTestSupport {
    private TieredTestSupport() {
    }

    static RedisCache cacheOn(RedisTestServer redis, String subPrefix, Duration ttl) {
        return new RedisCache(new RedisCacheSettings(redis.host(), redis.port(), redis.password(), redis.tls(),
                redis.keyPrefix() + subPrefix + ":", ttl, Duration.ofMillis(500), Duration.ofMillis(1000),
                Duration.ofMillis(200)));
    }
}
