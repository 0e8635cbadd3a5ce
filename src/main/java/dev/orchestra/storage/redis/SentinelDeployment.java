package dev.orchestra.storage.redis;

import dev.orchestra.storage.config.RedisMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisSentinelClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * A master elected by Sentinel ({@code REDIS_MODE=sentinel}): Jedis's {@link RedisSentinelClient} asks the sentinels
 * for the master and follows their {@code +switch-master} announcements, so after a failover the cache talks to the
 * promoted replica. This class counts the master changes it sees.
 */
final class SentinelDeployment extends RedisDeployment {
    private final String masterName;
    private final List<String> sentinels;
    private final JedisClientConfig sentinelConfig;
    private final RedisSentinelClient client;
    private final AtomicReference<String> lastMaster = new AtomicReference<>();
    private final AtomicLong failoversSeen = new AtomicLong();
    private volatile Instant lastFailoverAt;

    SentinelDeployment(String masterName, Set<HostAndPort> sentinels, JedisClientConfig clientConfig,
                       JedisClientConfig nodeConfig, JedisClientConfig sentinelConfig,
                       GenericObjectPoolConfig<Connection> pool) {
        super(nodeConfig);
        this.masterName = masterName;
        this.sentinels = sentinels.stream().map(HostAndPort::toString).toList();
        this.sentinelConfig = sentinelConfig;
        this.client = RedisSentinelClient.builder().masterName(masterName).sentinels(sentinels)
                .clientConfig(clientConfig).sentinelClientConfig(sentinelConfig).poolConfig(pool).build();
        lastMaster.set(client.getCurrentMaster().toString());
    }

    @Override
    public RedisMode mode() {
        return RedisMode.SENTINEL;
    }

    @Override
    public UnifiedJedis client() {
        return client;
    }

    @Override
    public String shape() {
        return "sentinel master " + masterName;
    }

    /** The master the sentinels elected, as Jedis currently knows it. */
    String currentMaster() {
        String now = client.getCurrentMaster().toString();
        String before = lastMaster.getAndSet(now);
        if (before != null && !before.equals(now)) {
            failoversSeen.incrementAndGet();
            lastFailoverAt = Instant.now();
        }
        return now;
    }

    @Override
    public List<String> masters() {
        return List.of(currentMaster());
    }

    @Override
    public String nodeOf(String key) {
        return currentMaster();
    }

    @Override
    public ScanResult<byte[]> scan(String master, byte[] cursor, ScanParams params) {
        return client.scan(cursor, params);
    }

    @Override
    public String info(String master, String section) {
        return section == null ? client.info() : client.info(section);
    }

    @Override
    public void ping(String master) {
        client.ping();
    }

    @Override
    public List<RedisNodeStatus> nodeStatuses() {
        String master = currentMaster();
        List<RedisNodeStatus> nodes = new ArrayList<>();
        nodes.add(probe(master, RedisNodeStatus.MASTER, nodeConfig, jedis -> ""));
        List<Map<String, String>> replicas = replicas();
        for (Map<String, String> replica : replicas) {
            String address = replica.get("ip") + ":" + replica.get("port");
            String flags = replica.getOrDefault("flags", "");
            nodes.add(flags.contains("down") ? new RedisNodeStatus(address, RedisNodeStatus.REPLICA, false, -1, flags)
                    : probe(address, RedisNodeStatus.REPLICA, nodeConfig, jedis -> ""));
        }
        for (String sentinel : sentinels) {
            nodes.add(probe(sentinel, RedisNodeStatus.SENTINEL, sentinelConfig, jedis -> ""));
        }
        return nodes;
    }

    /** The replicas as the first answering sentinel lists them. */
    private List<Map<String, String>> replicas() {
        for (String sentinel : sentinels) {
            try {
                return onNode(sentinel, sentinelConfig, jedis -> jedis.sentinelReplicas(masterName));
            } catch (JedisException e) {
                // ask the next sentinel
            }
        }
        return List.of();
    }

    @Override
    public long masterChanges() {
        currentMaster();
        return failoversSeen.get();
    }

    @Override
    public Map<String, Object> topology() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("mode", mode().wireName());
        facts.put("master_name", masterName);
        facts.put("master", currentMaster());
        facts.put("failovers_seen", failoversSeen.get());
        if (lastFailoverAt != null) {
            facts.put("last_failover_at", lastFailoverAt.toString());
        }
        facts.put("sentinels", String.join(",", sentinels));
        return facts;
    }

    @Override
    public void clearIdleConnections() {
        // the sentinel client's pool is replaced by Jedis itself when the master changes
    }

    @Override
    public void close() {
        client.close();
    }
}
