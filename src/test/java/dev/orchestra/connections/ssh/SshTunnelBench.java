package dev.orchestra.connections.ssh;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.MongoTestServer;
import dev.orchestra.storage.testsupport.RedisTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * What the tunnel costs on loopback (so only SSH's own work: encryption, channels, the SOCKS handshake): opening it,
 * and a page of 25 items from MongoDB and a cached history from Redis, directly and through it. Prints medians.
 * Run: {@code java -cp target/test-classes:target/classes:<test classpath> dev.orchestra.connections.ssh.SshTunnelBench}
 */
public final class SshTunnelBench {
    private static final int ROUNDS = 300;

    private SshTunnelBench() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("ssh-bench");
        try (MongoTestServer mongo = MongoTestServer.start(); RedisTestServer redis = RedisTestServer.openEmbedded();
             TestBastion bastion = TestBastion.open()) {
            Path key = bastion.writeUserKey(dir.resolve("id"), null);
            SshSettings settings = bastion.keyLogin(key, null, dir.resolve("known_hosts"));
            long[] opens = new long[10];
            for (int i = 0; i < opens.length; i++) {
                long start = System.nanoTime();
                SshTunnel.open(settings, HostKeyPrompt.ACCEPT_NEW).close();
                opens[i] = System.nanoTime() - start;
            }
            StorageConfig config = StorageConfig.fromMap(Map.of("APP_ENV", "development", "MONGODB_URI",
                    mongo.connectionString(), "MONGODB_DATABASE", mongo.uniqueDatabaseName(), "REDIS_HOST",
                    redis.host(), "REDIS_PORT", String.valueOf(redis.port()), "REDIS_KEY_PREFIX", redis.keyPrefix()));
            try (MemoryManager direct = MemoryManagerFactory.create(config, NetworkRoute.DIRECT)) {
                for (int i = 0; i < 100; i++) {
                    direct.addMemoryItem(MemoryItem.of("alice", "s1", "conversation", "message " + i));
                }
            }
            System.out.printf("tunnel open (connect, key exchange, login, SOCKS listener): median %.1f ms%n",
                    median(opens));
            try (MemoryManager direct = MemoryManagerFactory.create(config, NetworkRoute.DIRECT);
                 SshTunnel tunnel = SshTunnel.open(settings, HostKeyPrompt.ACCEPT_NEW);
                 MemoryManager tunneled = MemoryManagerFactory.create(config, tunnel)) {
                for (var entry : Map.of("direct", direct, "tunnel", tunneled).entrySet()) {
                    MemoryManager store = entry.getValue();
                    long[] pages = time(() -> store.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(),
                            PageRequest.first(25)));
                    long[] cached = time(() -> store.getConversationHistory("alice", "s1", 50,
                            DocumentFilter.none()));
                    System.out.printf("%-6s  MongoDB page of 25: median %.2f ms   Redis cached history (50): median"
                            + " %.2f ms%n", entry.getKey(), median(pages), median(cached));
                }
                System.out.println("forwarded connections through the bastion: " + bastion.forwardedConnections());
            }
        }
    }

    private static long[] time(Runnable call) {
        for (int i = 0; i < 50; i++) {
            call.run(); // warm-up: connections pooled, cache filled, code compiled
        }
        long[] samples = new long[ROUNDS];
        for (int i = 0; i < ROUNDS; i++) {
            long start = System.nanoTime();
            call.run();
            samples[i] = System.nanoTime() - start;
        }
        return samples;
    }

    private static double median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2] / 1e6;
    }
}
