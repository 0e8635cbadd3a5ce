package dev.orchestra.connections;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoIterable;
import dev.orchestra.connections.ssh.HostKeyPrompt;
import dev.orchestra.connections.ssh.SshSettings;
import dev.orchestra.connections.ssh.SshTunnel;
import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.redis.RedisCacheSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * "Test connection": MongoDB and Redis checked separately, each saying what answered, its version and latency, or
 * the one-line reason it did not (wrong password, host unreachable, TLS failure, timeout). Reads only: {@code ping},
 * {@code buildInfo}, {@code listDatabases} where the user may list them; Redis {@code PING} and {@code INFO}.
 */
public final class ConnectionTester {
    /** One component's answer; {@code summary} is one line, never a stack trace or a password. */
    public record Check(String component, boolean ok, String summary, long latencyMillis) {
    }

    /**
     * Both components (and the SSH bastion when there is one, else null), and the databases the server listed
     * (empty when it may not or did not answer).
     */
    public record Result(Check ssh, Check mongo, Check redis, List<String> databases) {
        public boolean ok() {
            return (ssh == null || ssh.ok()) && mongo.ok() && redis.ok();
        }
    }

    private final Duration timeout;

    public ConnectionTester(Duration timeout) {
        this.timeout = timeout;
    }

    public Result test(StorageConfig config) {
        return test(config, Optional.empty(), HostKeyPrompt.REJECT_UNKNOWN);
    }

    /**
     * Through the SSH bastion when {@code ssh} is present: the tunnel is opened first (an unknown host key asks
     * {@code hostKeys}), and when it cannot open, that one line is the answer of every component.
     */
    public Result test(StorageConfig config, Optional<SshSettings> ssh, HostKeyPrompt hostKeys) {
        Redactor redactor = ssh.map(s -> Redactor.of(config).and(s.redactor())).orElse(Redactor.of(config));
        if (ssh.isEmpty()) {
            return testThrough(config, NetworkRoute.DIRECT, redactor, null);
        }
        long start = System.nanoTime();
        try (SshTunnel tunnel = SshTunnel.open(ssh.get(), hostKeys)) {
            long latency = (System.nanoTime() - start) / 1_000_000;
            Check bastion = new Check("SSH", true, "SSH " + ssh.get().address() + " logged in in " + latency + " ms",
                    latency);
            return testThrough(config, tunnel, redactor, bastion);
        } catch (RuntimeException e) {
            String reason = FailureReason.of(e, redactor);
            Check failed = new Check("SSH", false, reason, -1);
            Check behind = new Check("", false, "not reached: " + reason, -1);
            return new Result(failed, behind, behind, List.of());
        }
    }

    private Result testThrough(StorageConfig config, NetworkRoute route, Redactor redactor, Check bastion) {
        List<String> databases = new ArrayList<>();
        Check mongo = config.mongoUri() == null
                ? new Check("MongoDB", true, config.mongoDisplayName() + " (started in-process on connect)", 0)
                : testMongo(config.mongoUri(), route, redactor, databases);
        Check redis = testRedis(config, route, redactor);
        return new Result(bastion, mongo, redis, List.copyOf(databases));
    }

    /** The databases the server lists (for the database picker); empty when the user may not list them. */
    public List<String> databaseNames(StorageConfig config) {
        List<String> names = new ArrayList<>();
        if (config.mongoUri() != null) {
            testMongo(config.mongoUri(), NetworkRoute.DIRECT, Redactor.of(config), names);
        }
        return names;
    }

    private Check testMongo(String uri, NetworkRoute route, Redactor redactor, List<String> databases) {
        long millis = timeout.toMillis();
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applicationName("orchestra-inspector")
                .retryReads(false)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> {
                    b.connectTimeout((int) millis, TimeUnit.MILLISECONDS).readTimeout((int) millis,
                            TimeUnit.MILLISECONDS);
                    // through the tunnel: the driver reaches every member it learns of via the bastion's SOCKS proxy
                    route.mongoSocksProxy().ifPresent(proxy -> b.applyToProxySettings(p -> p
                            .host(proxy.getHostString()).port(proxy.getPort())));
                })
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            client.getDatabase("admin").runCommand(new Document("ping", 1)); // connects: not the round trip
            long start = System.nanoTime();
            client.getDatabase("admin").runCommand(new Document("ping", 1));
            long latency = (System.nanoTime() - start) / 1_000_000;
            Document info = client.getDatabase("admin").runCommand(new Document("buildInfo", 1));
            listDatabases(client, databases);
            return new Check("MongoDB", true, "MongoDB " + info.get("version") + " answered in " + latency + " ms",
                    latency);
        } catch (MongoException | IllegalArgumentException e) {
            return new Check("MongoDB", false, FailureReason.of(e, redactor), -1);
        }
    }

    private static void listDatabases(MongoClient client, List<String> databases) {
        try {
            MongoIterable<String> names = client.listDatabaseNames();
            names.into(databases);
        } catch (MongoException e) {
            // a user without listDatabases types the database name instead
            databases.clear();
        }
    }

    private Check testRedis(StorageConfig config, NetworkRoute route, Redactor redactor) {
        if (!config.cacheEnabled()) {
            return new Check("Redis", true, "no cache configured", 0);
        }
        RedisCacheSettings settings = RedisCacheSettings.from(config).withTimeouts(timeout, timeout, timeout);
        try (RedisCache cache = new RedisCache(settings, route)) {
            ComponentHealth health = cache.checkHealth();
            if (health.isUp()) {
                Object version = health.details().get("server_version");
                return new Check("Redis", true, "Redis " + (version == null ? "" : version + " ")
                        + "answered in " + health.latencyMillis() + " ms", health.latencyMillis());
            }
            return new Check("Redis", false, FailureReason.of(health.lastError(), redactor), -1);
        } catch (RuntimeException e) {
            return new Check("Redis", false, FailureReason.of(e, redactor), -1);
        }
    }
}
