package dev.orchestra.storage.tiered;

import dev.orchestra.storage.testsupport.redis.RedisFixture.Shape;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The contract with the cache on a Redis Cluster of three masters (see {@link TieredOnShapeContract}). */
class ClusterTieredContractIT extends TieredOnShapeContract {
    @BeforeAll
    static void start() {
        startServers(Shape.CLUSTER);
    }

    @AfterAll
    static void stop() {
        stopServers();
    }
}
