package dev.orchestra.storage.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.embedded.RedisServer;

/**
 * A real redis-server for tests, with a key prefix of its own.
 *
 * <ul>
 *   <li>{@link #open()}: the server named by {@code REDIS_HOST} (with {@code REDIS_PORT}, {@code REDIS_PASSWORD},
 *       {@code REDIS_TLS}) when that variable is set, else an embedded redis-server on a free port.</li>
 *   <li>{@link #openEmbedded()}: always an embedded redis-server of its own. Outage tests use this, so that
 *       {@link #stop()}/{@link #start()} never touch a shared server.</li>
 * </ul>
 * {@link #close()} deletes only the keys under {@link #keyPrefix()} (SCAN + DEL, never FLUSHALL/KEYS) and stops the
 * embedded server.
 */
public final class RedisTestServer implements AutoCloseable {
    private static final int SCAN_COUNT = 1000;

    private final String host;
    private final int port;
    private final String password;
    private final boolean tls;
    private final String keyPrefix = "orchestra-it:" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private final RedisServer embedded;
    private final Path dataDir;
    private RedisClient client;

    private RedisTestServer(String host, int port, String password, boolean tls, RedisServer embedded, Path dataDir) {
        this.host = host;
        this.port = port;
        this.password = password;
        this.tls = tls;
        this.embedded = embedded;
        this.dataDir = dataDir;
    }

    /** The machine's Redis when {@code REDIS_HOST} is set, otherwise an embedded one. */
    public static RedisTestServer open() {
        Optional<String> externalHost = externalHost();
        if (externalHost.isEmpty()) {
            return openEmbedded();
        }
        String portText = System.getenv("REDIS_PORT");
        int externalPort = portText == null || portText.isBlank() ? 6379 : Integer.parseInt(portText.trim());
        String externalPassword = System.getenv("REDIS_PASSWORD");
        boolean externalTls = "true".equalsIgnoreCase(System.getenv("REDIS_TLS"));
        return new RedisTestServer(externalHost.get(), externalPort,
                externalPassword == null || externalPassword.isBlank() ? null : externalPassword, externalTls, null, null);
    }

    /** The external server's host from {@code REDIS_HOST}, when set. */
    public static Optional<String> externalHost() {
        String host = System.getenv("REDIS_HOST");
        return host == null || host.isBlank() ? Optional.empty() : Optional.of(host.trim());
    }

    /** An embedded redis-server of its own on a free port (safe to stop and start). */
    public static RedisTestServer openEmbedded() {
        return openEmbedded(null);
    }

    /** An embedded redis-server that requires {@code requiredPassword} (AUTH), or none when null. */
    public static RedisTestServer openEmbedded(String requiredPassword) {
        return openEmbedded(requiredPassword, null);
    }

    /**
     * An embedded redis-server whose data survives {@link #stop()}/{@link #start()} (append-only file in a
     * temporary directory), like a production Redis that was unreachable for a while: stale values are still
     * there when it comes back.
     */
    public static RedisTestServer openEmbeddedPersistent() {
        try {
            return openEmbedded(null, Files.createTempDirectory("redis-it-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RedisTestServer openEmbedded(String requiredPassword, Path dataDir) {
        int freePort = freePort();
        try {
            var builder = RedisServer.newRedisServer().port(freePort).bind("127.0.0.1").setting("save \"\"");
            if (dataDir == null) {
                builder.setting("appendonly no");
            } else {
                builder.setting("appendonly yes").setting("appendfsync always").setting("dir " + dataDir);
            }
            if (requiredPassword != null) {
                builder.setting("requirepass " + requiredPassword);
            }
            RedisServer server = builder.build();
            server.start();
            return new RedisTestServer("127.0.0.1", freePort, requiredPassword, false, server, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded redis-server on port " + freePort, e);
        }
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The password clients must send, or null. */
    public String password() {
        return password;
    }

    public boolean tls() {
        return tls;
    }

    /** Unique to this instance, e.g. {@code orchestra-it:1a2b3c4d:}; use it as REDIS_KEY_PREFIX. */
    public String keyPrefix() {
        return keyPrefix;
    }

    public boolean isEmbedded() {
        return embedded != null;
    }

    /**
     * The settings a {@code StorageConfig.fromMap} needs to use this server: REDIS_HOST, REDIS_PORT,
     * REDIS_KEY_PREFIX, and REDIS_PASSWORD / REDIS_TLS when they apply.
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("REDIS_HOST", host);
        env.put("REDIS_PORT", Integer.toString(port));
        env.put("REDIS_KEY_PREFIX", keyPrefix);
        if (password != null) {
            env.put("REDIS_PASSWORD", password);
        }
        if (tls) {
            env.put("REDIS_TLS", "true");
        }
        return env;
    }

    /** A separate client for assertions on what is really stored (reconnects by itself after a restart). */
    public synchronized UnifiedJedis client() {
        if (client == null) {
            var config = DefaultJedisClientConfig.builder().password(password).ssl(tls)
                    .connectionTimeoutMillis(2000).socketTimeoutMillis(2000).build();
            client = RedisClient.builder().hostAndPort(new HostAndPort(host, port)).clientConfig(config).build();
        }
        return client;
    }

    /** Stops the embedded server (simulates an outage). Only for {@link #openEmbedded()} servers. */
    public void stop() {
        try {
            requireEmbedded("stop").stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the embedded server again on the same port; {@link #client()} then uses fresh connections. */
    public synchronized void start() {
        try {
            requireEmbedded("start").start();
            if (client != null) {
                client.close();
                client = null;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isRunning() {
        return embedded == null || embedded.isActive();
    }

    /** The keys under this instance's prefix, found with SCAN (for assertions). */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        var params = new ScanParams().match(escapeGlob(keyPrefix) + "*").count(SCAN_COUNT);
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            var page = client().scan(cursor, params);
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
        return keys;
    }

    /** Deletes every key under this instance's prefix (and nothing else); returns how many. */
    public long deleteOwnKeys() {
        List<String> keys = keys();
        long deleted = 0;
        for (int from = 0; from < keys.size(); from += SCAN_COUNT) {
            deleted += client().del(keys.subList(from, Math.min(keys.size(), from + SCAN_COUNT)).toArray(String[]::new));
        }
        return deleted;
    }

    /** Deletes this instance's keys, then stops the embedded server. */
    @Override
    public synchronized void close() {
        try {
            if (isRunning()) {
                deleteOwnKeys();
            }
        } finally {
            if (client != null) {
                client.close();
                client = null;
            }
            if (embedded != null && embedded.isActive()) {
                try {
                    embedded.stop();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            deleteDataDir();
        }
    }

    @Override
    public String toString() {
        return (isEmbedded() ? "embedded redis-server " : "external Redis ") + host + ":" + port
                + " (prefix " + keyPrefix + ")";
    }

    private RedisServer requireEmbedded(String what) {
        if (embedded == null) {
            throw new UnsupportedOperationException("Cannot " + what + " an external Redis; use openEmbedded()");
        }
        return embedded;
    }

    private void deleteDataDir() {
        if (dataDir == null) {
            return;
        }
        try (var paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escapeGlob(String literal) {
        return literal.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
