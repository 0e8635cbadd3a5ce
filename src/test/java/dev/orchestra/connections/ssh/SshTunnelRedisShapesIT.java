package dev.orchestra.connections.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import dev.orchestra.storage.testsupport.redis.RedisFixture.Shape;
import dev.orchestra.storage.testsupport.redis.RedisProcess;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Redis Sentinel and Cluster through one SSH tunnel, configured with only what a user knows (the sentinels; one seed
 * node): the master a Sentinel names and the cluster nodes that CLUSTER SLOTS reports are mapped to local forwards
 * on demand, so the cache works although those addresses were never configured. This is where RedisInsight's
 * tunnels stop (its issues #1773 and #1831).
 */
class SshTunnelRedisShapesIT {
    @TempDir
    Path dir;
    private TestBastion bastion;
    private SshTunnel tunnel;
    private RedisFixture redis;
    private MemoryManager store;

    @BeforeEach
    void openTunnel() {
        bastion = TestBastion.open();
        tunnel = SshTunnel.open(bastion.keyLogin(bastion.writeUserKey(dir.resolve("id"), null), null,
                dir.resolve("known_hosts")), HostKeyPrompt.ACCEPT_NEW);
    }

    @AfterEach
    void closeAll() {
        if (store != null) {
            store.close();
        }
        tunnel.close();
        bastion.close();
        if (redis != null) {
            redis.close();
        }
    }

    private MemoryManager openThroughTunnel(Map<String, String> redisEnvironment) {
        Map<String, String> env = new HashMap<>(redisEnvironment);
        env.put("APP_ENV", "test");
        env.put("REDIS_KEY_PREFIX", redis.keyPrefix() + "ssh:");
        store = MemoryManagerFactory.create(StorageConfig.fromMap(env), tunnel);
        return store;
    }

    /** Writes and reads a history twice: the second read is served by Redis, through the tunnel. */
    private void useTheCache(MemoryManager store) {
        store.addMemoryItem(MemoryItem.of("alice", "s1", "conversation", "hello through the bastion"));
        store.getConversationHistory("alice", "s1", 10, DocumentFilter.none());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(redis.keys(redis.keyPrefix() + "ssh:")).isNotEmpty());
        assertThat(store.getConversationHistory("alice", "s1", 10, DocumentFilter.none()))
                .extracting(MemoryItem::textContent).containsExactly("hello through the bastion");
        assertThat(store.checkHealth()).filteredOn(c -> c.name().equals(ComponentHealth.REDIS))
                .singleElement().satisfies(c -> assertThat(c.isUp()).as(c.lastError()).isTrue());
    }

    private Set<String> mapped() {
        return tunnel.mappedAddresses().stream().map(a -> a.getHostString() + ":" + a.getPort())
                .collect(Collectors.toSet());
    }

    @Test
    void sentinelAndTheMasterItNamesGoThroughTheTunnel() {
        redis = RedisFixture.start(Shape.SENTINEL);
        useTheCache(openThroughTunnel(redis.environment(redis.keyPrefix())));

        List<String> sentinels = redis.sentinels().stream().map(RedisProcess::address).toList();
        String master = redis.sentinelMaster().address();
        List<String> dataNodes = redis.dataNodes().stream().map(RedisProcess::address).toList();
        assertThat(mapped()).containsAll(sentinels).contains(master)
                .allMatch(address -> sentinels.contains(address) || dataNodes.contains(address));
        assertThat(sentinels).doesNotContain(master); // the master's address was only ever reported, not configured
        assertThat(bastion.forwardTargets()).contains(master).containsAll(sentinels.subList(0, 1));
    }

    @Test
    void everyClusterNodeDiscoveredFromOneSeedGoesThroughTheTunnel() {
        redis = RedisFixture.start(Shape.CLUSTER);
        List<String> nodes = redis.dataNodes().stream().map(RedisProcess::address).toList();
        Map<String, String> oneSeed = new HashMap<>(redis.environment(redis.keyPrefix()));
        oneSeed.put("REDIS_NODES", nodes.get(0));
        useTheCache(openThroughTunnel(oneSeed));

        assertThat(mapped()).containsExactlyInAnyOrderElementsOf(nodes);
        assertThat(bastion.forwardTargets()).containsAll(nodes);
        assertThat(tunnel.mappedAddresses()).extracting(InetSocketAddress::getHostString).containsOnly("127.0.0.1");
    }
}
