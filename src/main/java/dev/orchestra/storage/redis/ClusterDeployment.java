package dev.orchestra.storage.redis;

import dev.orchestra.storage.config.RedisMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
    private static final long MASTERS_MEMO_NANOS = 250_000_000L;
    private static final int SLOTS = 16_384;
    private final AtomicReference<Set<String>> lastMasters = new AtomicReference<>();
    private volatile MastersMemo mastersMemo;
    private final AtomicLong masterChanges = new AtomicLong();

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

    /**
     * The owners of the slots, from Jedis's slot map (which follows failovers and reshardings; its list of primary
     * nodes does not drop a failed master). Recomputed at most every {@link #MASTERS_MEMO_NANOS}.
     */
    @Override
    public List<String> masters() {
        MastersMemo memo = mastersMemo;
        long now = System.nanoTime();
        if (memo != null && now - memo.at() < MASTERS_MEMO_NANOS) {
            return memo.masters();
        }
        Set<String> owners = new TreeSet<>();
        for (int slot = 0; slot < SLOTS; slot++) {
            HostAndPort node = provider.getNode(slot);
            if (node != null) {
                owners.add(node.toString());
            }
        }
        List<String> masters = List.copyOf(owners);
        mastersMemo = new MastersMemo(masters, now);
        return masters;
    }

    private record MastersMemo(List<String> masters, long at) {
    }

    /**
     * Counts changes of the set of masters Jedis routes to: a replica promoted in place of a failed master (whose
     * last acknowledged deletions may not have reached it). A master that restarts keeps its place and is not one.
     */
    @Override
    public long masterChanges() {
        Set<String> now = Set.copyOf(masters());
        Set<String> before = lastMasters.get();
        if (before == null) {
            lastMasters.compareAndSet(null, Set.copyOf(now));
        } else if (!before.equals(now) && lastMasters.compareAndSet(before, Set.copyOf(now))) {
            masterChanges.incrementAndGet();
        }
        return masterChanges.get();
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

    /**
     * PINGs one master; when it does not answer, asks the cluster for its slot map again, so that a replica promoted
     * in its place is used from then on (the cache skips a down master's keys, so no command of its own would make
     * Jedis look).
     */
    @Override
    public void ping(String master) {
        try {
            onPool(master, connection -> connection.executeCommand(commands.ping()));
        } catch (JedisException e) {
            try {
                provider.renewSlotCache();
                mastersMemo = null;
            } catch (JedisException noNodeAnswered) {
                e.addSuppressed(noNodeAnswered);
            }
            throw e;
        }
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

    /**
     * {@code cluster_current_epoch} (bumped by every change of a slot's owner), or {@code moving…} while any master
     * migrates or imports a slot (each shows only its own {@code [slot->-node]} / {@code [slot-<-node]} in CLUSTER
     * NODES, so every master is asked).
     */
    @Override
    public String slotLayout() {
        String epoch = null;
        for (String master : masters()) {
            boolean first = epoch == null;
            String answer = onPool(master, connection -> {
                Jedis jedis = new Jedis(connection); // borrowed: the pool's connection goes back, not closed
                String nodes = jedis.clusterNodes();
                if (nodes.contains("->-") || nodes.contains("-<-")) {
                    return SLOTS_MOVING + System.nanoTime(); // never equal: finish only once nothing moves
                }
                return first ? RedisInfo.parse(jedis.clusterInfo()).getOrDefault("cluster_current_epoch", "?") : "";
            });
            if (answer.startsWith(SLOTS_MOVING)) {
                return answer;
            }
            epoch = first ? answer : epoch;
        }
        return epoch;
    }

    @Override
    public Map<String, Object> topology() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("mode", mode().wireName());
        facts.put("masters", masters().size());
        facts.put("master_changes_seen", masterChanges());
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
