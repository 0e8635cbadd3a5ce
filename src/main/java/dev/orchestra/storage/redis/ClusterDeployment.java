package dev.orchestra.storage.redis;

import dev.orchestra.storage.config.RedisMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.CommandObjects;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClusterClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A Redis Cluster ({@code REDIS_MODE=cluster}): Jedis's {@link RedisClusterClient} routes each key to the master of
 * its slot and follows {@code MOVED}/{@code ASK} during a resharding. Its {@link ClusterConnectionProvider} (kept
 * here) also says which master owns a slot and gives one pool per master, for a SCAN on each.
 */
final class ClusterDeployment extends RedisDeployment {
    /** Attempts per command: a resharding answers MOVED/ASK, each of which costs one. */
    private static final int MAX_ATTEMPTS = 5;

    private final ClusterConnectionProvider provider;
    private final RedisClusterClient client;
    private final CommandObjects commands = new CommandObjects();

    ClusterDeployment(Set<HostAndPort> seeds, JedisClientConfig clientConfig, JedisClientConfig nodeConfig,
                      GenericObjectPoolConfig<Connection> pool, Duration maxRetryTime) {
        super(nodeConfig);
        this.provider = new ClusterConnectionProvider(seeds, clientConfig, pool);
        // the builder checks seeds are named even when it is given the provider, which it then uses
        this.client = RedisClusterClient.builder().nodes(seeds).connectionProvider(provider).maxAttempts(MAX_ATTEMPTS)
                .maxTotalRetriesDuration(maxRetryTime).build();
    }

    @Override
    public RedisMode mode() {
        return RedisMode.CLUSTER;
    }

    @Override
    public UnifiedJedis client() {
        return client;
    }

    @Override
    public String shape() {
        return "cluster, " + masters().size() + " masters";
    }

    @Override
    public List<String> masters() {
        return provider.getPrimaryNodes().keySet().stream().sorted().toList();
    }

    @Override
    public String nodeOf(String key) {
        int slot = JedisClusterCRC16.getSlot(key);
        HostAndPort node = provider.getNode(slot);
        return node == null ? "slot " + slot + " unassigned" : node.toString();
    }

    @Override
    public ScanResult<byte[]> scan(String master, byte[] cursor, ScanParams params) {
        return onPool(master, connection -> connection.executeCommand(commands.scan(cursor, params)));
    }

    @Override
    public String info(String master, String section) {
        return onPool(master, connection -> connection.executeCommand(section == null ? commands.info()
                : commands.info(section)));
    }

    @Override
    public void ping(String master) {
        onPool(master, connection -> connection.executeCommand(commands.ping()));
    }

    private <T> T onPool(String master, Function<Connection, T> command) {
        ConnectionPool pool = provider.getNodes().get(master);
        if (pool == null) {
            throw new JedisConnectionException("no pool for " + master + " (no longer a node of the cluster)");
        }
        try (Connection connection = pool.getResource()) {
            return command.apply(connection);
        }
    }

    @Override
    public List<RedisNodeStatus> nodeStatuses() {
        Optional<String> view = fromAnyMaster(jedis -> jedis.clusterNodes());
        if (view.isEmpty()) {
            return provider.getNodes().keySet().stream().sorted()
                    .map(a -> new RedisNodeStatus(a, "node", false, -1, "no master answered")).toList();
        }
        List<RedisNodeStatus> nodes = new ArrayList<>();
        for (String line : view.get().split("\r?\n")) {
            String[] fields = line.trim().split(" ");
            if (fields.length < 8) {
                continue;
            }
            String address = fields[1].split("[@,]")[0];
            String flags = fields[2];
            String role = flags.contains("master") ? RedisNodeStatus.MASTER : RedisNodeStatus.REPLICA;
            String slots = fields.length > 8 ? "slots " + String.join(" ", List.of(fields).subList(8, fields.length))
                    : "";
            String detail = flags.contains("fail") ? (slots + " " + flags).trim() : slots;
            nodes.add(probe(address, role, nodeConfig, jedis -> detail));
        }
        nodes.sort((a, b) -> a.role().equals(b.role()) ? a.address().compareTo(b.address())
                : a.role().equals(RedisNodeStatus.MASTER) ? -1 : 1);
        return nodes;
    }

    @Override
    public Map<String, Object> topology() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("mode", mode().wireName());
        facts.put("masters", masters().size());
        fromAnyMaster(jedis -> jedis.clusterInfo()).map(RedisInfo::parse).ifPresent(info -> {
            for (String name : List.of("cluster_state", "cluster_slots_assigned", "cluster_slots_ok",
                    "cluster_slots_pfail", "cluster_slots_fail", "cluster_known_nodes", "cluster_size")) {
                if (info.containsKey(name)) {
                    facts.put(name, info.get(name));
                }
            }
        });
        return facts;
    }

    /** Asks the masters one after another until one answers. */
    private <T> Optional<T> fromAnyMaster(Function<Jedis, T> question) {
        for (String master : masters()) {
            try {
                return Optional.of(onNode(master, question));
            } catch (JedisException e) {
                // ask the next one
            }
        }
        return Optional.empty();
    }

    @Override
    public void clearIdleConnections() {
        provider.getNodes().values().forEach(ConnectionPool::clear);
    }

    @Override
    public void close() {
        client.close();
    }
}
