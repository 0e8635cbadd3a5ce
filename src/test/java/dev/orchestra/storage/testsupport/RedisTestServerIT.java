package dev.orchestra.storage.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.testsupport.FollowsTarget.Server;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

class RedisTestServerIT {

    @Test
    @FollowsTarget(Server.REDIS)
    void closeDeletesOnlyItsOwnPrefix() {
        try (var server = RedisTestServer.open()) {
            String own = server.keyPrefix() + "a";
            String sibling = server.keyPrefix().substring(0, server.keyPrefix().length() - 1) + "-not-mine";
            server.client().set(own, "1");
            server.client().set(sibling, "2");
            try {
                assertThat(server.keys()).containsExactly(own);
                assertThat(server.deleteOwnKeys()).isEqualTo(1);
                assertThat(server.client().exists(own)).isFalse();
                assertThat(server.client().get(sibling)).isEqualTo("2");
            } finally {
                server.client().del(sibling);
            }
        }
    }

    @Test
    void embeddedServerStopsAndStartsOnTheSamePort() {
        try (var server = RedisTestServer.openEmbedded()) {
            server.client().set(server.keyPrefix() + "k", "v");
            server.stop();
            assertThatThrownBy(() -> server.client().ping()).isInstanceOf(JedisConnectionException.class);
            server.start();
            Awaitility.await().ignoreExceptions()
                    .until(() -> "PONG".equals(server.client().ping()));
            assertThat(server.isRunning()).isTrue();
        }
    }

    @Test
    void passwordProtectedEmbeddedServerRequiresAuth() {
        try (var server = RedisTestServer.openEmbedded("s3cret-test")) {
            assertThat(server.client().ping()).isEqualTo("PONG");
            assertThat(server.environment()).containsEntry("REDIS_PASSWORD", "s3cret-test");
        }
    }

    @Test
    void persistentEmbeddedServerKeepsItsDataAcrossARestart() {
        try (var server = RedisTestServer.openEmbeddedPersistent()) {
            server.client().set(server.keyPrefix() + "k", "kept");
            server.stop();
            server.start();
            Awaitility.await().ignoreExceptions()
                    .until(() -> "kept".equals(server.client().get(server.keyPrefix() + "k")));
        }
    }
}
