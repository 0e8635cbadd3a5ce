package dev.orchestra.storage.tiered;

import dev.orchestra.storage.testsupport.redis.RedisFixture.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract with the cache behind Sentinel (one master, one replica, three sentinels) (see {@link TieredOnShapeContract}). */
class SentinelTieredContractIT extends TieredOnShapeContract {
    @BeforeAll
    static void start() {
        startServers(Shape.SENTINEL);
    }

    @AfterAll
    static void stop() {
        stopServers();
    }
}
