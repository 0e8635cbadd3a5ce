package dev.orchestra.storage.testsupport.redis;

import dev.orchestra.storage.config.RedisDeploymentConfig;
import dev.orchestra.storage.config.RedisDeploymentConfig.HostPort;
import dev.orchestra.storage.config.RedisMode;
import dev.orchestra.storage.redis.CacheKeys;
import dev.orchestra.storage.redis.RedisCacheSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;

/**
 * A Redis deployment of one shape, made of {@code redis-server} processes this test started on free loopback ports
 * in a temporary directory: one node; a Sentinel setup (one master, one replica, three sentinels); or a cluster of
 * three masters created with {@code redis-cli --cluster create}. {@link #close()} kills only these processes.
 * Data nodes are persistent when asked (append-only file, fsync always), so a killed and restarted master still
 * holds what it held, like a production Redis after an outage.
 */
public final class RedisFixture implements AutoCloseable {
    public enum Shape { STANDALONE, SENTINEL, CLUSTER }

    public static final String MASTER_NAME = "orchestra-it";
    private static final Duration READY_LIMIT = Duration.ofSeconds(30);

    private final Shape shape;
    private final Path root;
    private final List<RedisProcess> dataNodes = new ArrayList<>();
    private final List<RedisProcess> sentinels = new ArrayList<>();
    private final String keyPrefix = "orchestra-it:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private UnifiedJedis client;

    private RedisFixture(Shape shape) {
        this.shape = shape;
        try {
            this.root = Files.createTempDirectory("redis-" + shape.name().toLowerCase() + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RedisFixture start(Shape shape) {
        return start(shape, false);
    }

    /** A cluster of three masters, each with a replica ({@code --cluster-replicas 1}). */
    public static RedisFixture clusterWithReplicas() {
        RedisFixture fixture = new RedisFixture(Shape.CLUSTER);
        try {
            fixture.startCluster(List.of("--appendonly", "no"), 1);
            return fixture;
        } catch (RuntimeException e) {
            fixture.close();
            throw e;
        }
    }

    /** @param persistent data nodes keep an append-only file, so what they held survives a kill and restart */
    public static RedisFixture start(Shape shape, boolean persistent) {
        RedisFixture fixture = new RedisFixture(shape);
        try {
            List<String> data = persistent ? List.of("--appendonly", "yes", "--appendfsync", "always")
                    : List.of("--appendonly", "no");
            switch (shape) {
                case STANDALONE -> fixture.dataNodes.add(RedisProcess.start("redis", fixture.root, data, null));
                case SENTINEL -> fixture.startSentinel(data);
                case CLUSTER -> fixture.startCluster(data, 0);
            }
            return fixture;
        } catch (RuntimeException e) {
            fixture.close();
            throw e;
        }
    }

    private void startSentinel(List<String> data) {
        RedisProcess master = RedisProcess.start("master", root, data, null);
        dataNodes.add(master);
        List<String> replicaArgs = new ArrayList<>(data);
        replicaArgs.addAll(List.of("--replicaof", "127.0.0.1", Integer.toString(master.port())));
        RedisProcess replica = RedisProcess.start("replica", root, replicaArgs, null);
        dataNodes.add(replica);
        Awaitility.await("replica in sync").atMost(READY_LIMIT).ignoreExceptions().until(() ->
                replica.onThis(j -> j.info("replication")).contains("master_link_status:up"));
        for (int i = 0; i < 3; i++) {
            sentinels.add(RedisProcess.sentinel("sentinel" + i, root, MASTER_NAME, master));
        }
        // a failover needs the sentinels to know the replica and each other (hello messages, ~2 s)
        Awaitility.await("sentinels know each other and the replica").atMost(READY_LIMIT).ignoreExceptions()
                .until(() -> sentinels.stream().allMatch(s -> s.onThis(j -> j.sentinelSentinels(MASTER_NAME).size()
                        == 2 && j.sentinelReplicas(MASTER_NAME).size() == 1)));
    }

    private void startCluster(List<String> data, int replicasPerMaster) {
        List<String> args = new ArrayList<>(data);
        args.addAll(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf",
                "--cluster-node-timeout", "2000", "--cluster-require-full-coverage", "no"));
        for (int i = 0; i < 3 * (1 + replicasPerMaster); i++) {
            dataNodes.add(RedisProcess.start("node" + i, root, args, null));
        }
        List<String> create = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        dataNodes.forEach(n -> create.add(n.address()));
        create.addAll(List.of("--cluster-replicas", Integer.toString(replicasPerMaster), "--cluster-yes"));
        RedisCli.run(root, create);
        Awaitility.await("cluster_state:ok on every node, replicas in sync").atMost(READY_LIMIT).ignoreExceptions()
                .until(() -> dataNodes.stream().allMatch(n -> n.onThis(j -> j.clusterInfo())
                        .contains("cluster_state:ok") && !n.onThis(j -> j.info("replication"))
                        .contains("master_link_status:down")));
    }

    public Shape shape() {
        return shape;
    }

    /** Unique to this fixture: use it (or something under it) as REDIS_KEY_PREFIX. */
    public String keyPrefix() {
        return keyPrefix;
    }

    public Path root() {
        return root;
    }

    public List<RedisProcess> dataNodes() {
        return List.copyOf(dataNodes);
    }

    public List<RedisProcess> sentinels() {
        return List.copyOf(sentinels);
    }

    /** The data node listening on {@code address} ({@code host:port}). */
    public RedisProcess process(String address) {
        return dataNodes.stream().filter(n -> n.address().equals(address)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no node " + address));
    }

    /** The master the sentinels elected now (Sentinel shape). */
    public RedisProcess sentinelMaster() {
        List<String> address = sentinels.stream().filter(RedisProcess::isAlive).findFirst().orElseThrow()
                .onThis(j -> j.sentinelGetMasterAddrByName(MASTER_NAME));
        return process(address.get(0) + ":" + address.get(1));
    }

    /** What {@code StorageConfig.fromMap} needs for this deployment, with {@code prefix} as REDIS_KEY_PREFIX. */
    public Map<String, String> environment(String prefix) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REDIS_KEY_PREFIX", prefix);
        switch (shape) {
            case STANDALONE -> {
                env.put("REDIS_HOST", "127.0.0.1");
                env.put("REDIS_PORT", Integer.toString(dataNodes.get(0).port()));
            }
            case SENTINEL -> {
                env.put("REDIS_MODE", "sentinel");
                env.put("REDIS_SENTINELS", String.join(",", sentinels.stream().map(RedisProcess::address).toList()));
                env.put("REDIS_MASTER_NAME", MASTER_NAME);
            }
            case CLUSTER -> {
                env.put("REDIS_MODE", "cluster");
                env.put("REDIS_NODES", String.join(",", dataNodes.stream().map(RedisProcess::address).toList()));
            }
        }
        return env;
    }

    public RedisDeploymentConfig deploymentConfig() {
        return switch (shape) {
            case STANDALONE -> RedisDeploymentConfig.standalone();
            case SENTINEL -> new RedisDeploymentConfig(RedisMode.SENTINEL, null, null, null, null, true,
                    sentinels.stream().map(s -> new HostPort("127.0.0.1", s.port())).toList(), MASTER_NAME, null,
                    null, List.of());
            case CLUSTER -> new RedisDeploymentConfig(RedisMode.CLUSTER, null, null, null, null, true, List.of(),
                    null, null, null, dataNodes.stream().map(n -> new HostPort("127.0.0.1", n.port())).toList());
        };
    }

    /** Settings under {@code keyPrefix() + subPrefix + ":"} with short timeouts and quick recovery probes. */
    public RedisCacheSettings settings(String subPrefix, Duration ttl) {
        RedisProcess first = dataNodes.get(0);
        return new RedisCacheSettings("127.0.0.1", first.port(), null, false, keyPrefix + subPrefix + ":", ttl,
                Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(200), deploymentConfig());
    }

    /** Jedis's client for the shape, for assertions on what is really stored. */
    public synchronized UnifiedJedis client() {
        if (client == null) {
            var config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(2000).socketTimeoutMillis(2000)
                    .build();
            client = switch (shape) {
                case STANDALONE -> RedisClient.builder().hostAndPort(new HostAndPort("127.0.0.1",
                        dataNodes.get(0).port())).clientConfig(config).build();
                case SENTINEL -> RedisSentinelClient.builder().masterName(MASTER_NAME).clientConfig(config)
                        .sentinels(new HashSet<>(sentinels.stream().map(s -> new HostAndPort("127.0.0.1", s.port()))
                                .toList())).build();
                case CLUSTER -> RedisClusterClient.builder().clientConfig(config)
                        .nodes(new HashSet<>(dataNodes.stream().map(n -> new HostAndPort("127.0.0.1", n.port()))
                                .toList())).build();
            };
        }
        return client;
    }

    /** The keys starting with {@code literalPrefix} on every live master (SCAN on each). */
    public List<String> keys(String literalPrefix) {
        List<String> keys = new ArrayList<>();
        for (RedisProcess node : dataNodes) {
            if (!node.isAlive() || !node.onThis(j -> j.info("replication")).contains("role:master")) {
                continue;
            }
            node.onThis(j -> {
                var params = new ScanParams().match(CacheKeys.globStartingWith(literalPrefix)).count(1000);
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    var page = j.scan(cursor, params);
                    keys.addAll(page.getResult());
                    cursor = page.getCursor();
                } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
                return null;
            });
        }
        return keys;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        sentinels.forEach(RedisProcess::kill);
        dataNodes.forEach(RedisProcess::kill);
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return shape.name().toLowerCase();
    }
}
