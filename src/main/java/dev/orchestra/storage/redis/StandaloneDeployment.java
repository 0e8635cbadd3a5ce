package dev.orchestra.storage.redis;

import dev.orchestra.storage.config.RedisMode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** One Redis server ({@code REDIS_MODE=standalone}): Jedis's pooled {@link RedisClient}. */
final class StandaloneDeployment extends RedisDeployment {
    private final String address;
    private final RedisClient client;

    StandaloneDeployment(HostAndPort node, JedisClientConfig clientConfig, JedisClientConfig nodeConfig,
                         GenericObjectPoolConfig<Connection> pool) {
        super(nodeConfig);
        this.address = node.toString();
        this.client = RedisClient.builder().hostAndPort(node).clientConfig(clientConfig).poolConfig(pool).build();
    }

    @Override
    public RedisMode mode() {
        return RedisMode.STANDALONE;
    }

    @Override
    public UnifiedJedis client() {
        return client;
    }

    @Override
    public String shape() {
        return "standalone";
    }

    @Override
    public List<String> masters() {
        return List.of(address);
    }

    @Override
    public String nodeOf(String key) {
        return address;
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
        return List.of(probe(address, RedisNodeStatus.MASTER, nodeConfig, jedis -> ""));
    }

    @Override
    public Map<String, Object> topology() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("mode", mode().wireName());
        return facts;
    }

    @Override
    public void clearIdleConnections() {
        client.getPool().clear();
    }

    @Override
    public void close() {
        client.close();
    }
}
