package dev.orchestra.storage.redis;

import dev.orchestra.storage.config.RedisMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * One Redis deployment behind the cache, whatever its shape: Jedis's own client for it ({@link #client()}, which
 * routes every single-key command to the right server — by slot on a cluster, to the elected master through
 * Sentinel) plus what a single routed client cannot say: which masters hold keys (a SCAN must visit each), which
 * master holds one key, and how each server is doing.
 *
 * <p>Read-only everywhere except through {@link #client()}: listing, PING, INFO and CLUSTER INFO/NODES write
 * nothing.
 */
public abstract sealed class RedisDeployment implements AutoCloseable
        permits StandaloneDeployment, SentinelDeployment, ClusterDeployment {

    /** Node-level connections (health, per-node SCAN) use the same credentials, TLS and timeouts as the client. */
    protected final JedisClientConfig nodeConfig;

    protected RedisDeployment(JedisClientConfig nodeConfig) {
        this.nodeConfig = nodeConfig;
    }

    public abstract RedisMode mode();

    /** Jedis's client for the shape; routes single-key commands (GET, TYPE, PTTL, DUMP, MEMORY USAGE, …). */
    public abstract UnifiedJedis client();

    /** {@code standalone}, {@code sentinel master mymaster}, {@code cluster, 3 masters}. */
    public abstract String shape();

    /** Every server that holds keys ({@code host:port}): one for standalone and Sentinel, each master of a cluster. */
    public abstract List<String> masters();

    /** The master that holds {@code key} ({@code host:port}); on a cluster the owner of the key's slot. */
    public abstract String nodeOf(String key);

    /** One bounded {@code SCAN} step on one master, e.g. to list keys or to delete by prefix on every master. */
    public abstract ScanResult<byte[]> scan(String master, byte[] cursor, ScanParams params);

    /** INFO of one master ({@code section}: {@code server}, or null for the default sections). */
    public abstract String info(String master, String section);

    /** PING one master now (throws {@link JedisException} when it does not answer). */
    public abstract void ping(String master);

    /** Every server of the deployment with role, address, up/down and latency (masters, replicas, sentinels). */
    public abstract List<RedisNodeStatus> nodeStatuses();

    /** Facts about the shape for health: the Sentinel-elected master and failovers seen, cluster_state and slots. */
    public abstract Map<String, Object> topology();

    /**
     * How many times a master changed under this client (a Sentinel failover, a cluster replica promoted); only
     * grows. Replication is asynchronous, so a deletion the old master acknowledged may be missing on the promoted
     * one.
     */
    public long masterChanges() {
        return 0;
    }

    /** What {@link #slotLayout()} starts with while slots are being moved between masters. */
    public static final String SLOTS_MOVING = "moving";

    /**
     * Which master holds which keys, as a value that changes whenever that changes (a cluster's current config
     * epoch), or starting with {@link #SLOTS_MOVING} while a resharding is moving slots. Empty for one master.
     */
    public String slotLayout() {
        return "";
    }

    /** Drops idle connections after a failure, so that recovery uses fresh ones. */
    public abstract void clearIdleConnections();

    @Override
    public abstract void close();

    /** Runs {@code command} on a short-lived connection to {@code address} (health and topology only). */
    protected <T> T onNode(String address, Function<Jedis, T> command) {
        return onNode(address, nodeConfig, command);
    }

    protected static <T> T onNode(String address, JedisClientConfig config, Function<Jedis, T> command) {
        try (Jedis jedis = new Jedis(HostAndPort.from(address), config)) {
            return command.apply(jedis);
        }
    }

    /** PING {@code address} on a connection of its own; the status says up/down and the round trip. */
    protected RedisNodeStatus probe(String address, String role, JedisClientConfig config,
                                    Function<Jedis, String> detail) {
        long start = System.nanoTime();
        try {
            String facts = onNode(address, config, jedis -> {
                jedis.ping();
                return detail.apply(jedis);
            });
            return new RedisNodeStatus(address, role, true, (System.nanoTime() - start) / 1_000_000, facts);
        } catch (JedisException e) {
            return new RedisNodeStatus(address, role, false, -1, firstLine(e.getMessage()));
        }
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no answer";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
