package dev.orchestra.storage.testsupport.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.awaitility.Awaitility;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisClientConfig;

/**
 * One {@code redis-server} process of a test (the machine's binary: {@code .ci/run} installs Debian's
 * redis-server when it is missing), on a free loopback port with a temporary directory of its own. Stopped and
 * started again on the same port and directory, so a restarted server keeps its append-only file; {@link #close}
 * kills only this process.
 */
public final class RedisProcess implements AutoCloseable {
    private static final Duration START_LIMIT = Duration.ofSeconds(20);

    private final String name;
    private final int port;
    private final Path dir;
    private final List<String> arguments;
    private final JedisClientConfig readinessConfig;
    private final String sentinelConfig;
    private Process process;

    private RedisProcess(String name, int port, Path dir, List<String> arguments, JedisClientConfig readinessConfig,
                         String sentinelConfig) {
        this.name = name;
        this.port = port;
        this.dir = dir;
        this.arguments = List.copyOf(arguments);
        this.readinessConfig = readinessConfig;
        this.sentinelConfig = sentinelConfig;
    }

    /** A sentinel watching {@code masterName} at {@code master}, quick to decide a failover (1 s down, quorum 2). */
    public static RedisProcess sentinel(String name, Path parent, String masterName, RedisProcess master) {
        int port = freePort();
        String config = String.join("\n", "port " + port, "bind 127.0.0.1",
                "sentinel monitor " + masterName + " 127.0.0.1 " + master.port() + " 2",
                "sentinel down-after-milliseconds " + masterName + " 1000",
                "sentinel failover-timeout " + masterName + " 5000",
                "sentinel parallel-syncs " + masterName + " 1", "");
        return launch(new RedisProcess(name, port, directory(parent, name, port), List.of(), null, config));
    }

    /**
     * Starts {@code redis-server} with {@code extra} arguments ({@code --name value} pairs) after the port, bind
     * address, directory and no snapshots; waits until it answers PING (through {@code readinessConfig}, which
     * carries TLS or credentials when the server needs them, or null for plain TCP).
     */
    public static RedisProcess start(String name, Path parent, List<String> extra, JedisClientConfig readinessConfig) {
        return start(name, parent, freePort(), extra, readinessConfig);
    }

    public static RedisProcess start(String name, Path parent, int port, List<String> extra,
                                     JedisClientConfig readinessConfig) {
        return launch(new RedisProcess(name, port, directory(parent, name, port), extra, readinessConfig, null));
    }

    private static RedisProcess launch(RedisProcess server) {
        try {
            server.start();
            return server;
        } catch (RuntimeException e) {
            server.kill();
            throw e;
        }
    }

    private static Path directory(Path parent, String name, int port) {
        try {
            return Files.createDirectories(parent.resolve(name + "-" + port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the process (again) on its port and directory and waits until it answers. */
    public synchronized void start() {
        List<String> command = new ArrayList<>(List.of("redis-server"));
        try {
            if (sentinelConfig != null) {
                Path config = dir.resolve("sentinel.conf");
                if (!Files.exists(config)) {
                    Files.writeString(config, sentinelConfig); // the sentinel rewrites it with what it learns
                }
                command.addAll(List.of(config.toString(), "--sentinel"));
            } else {
                command.addAll(List.of("--port", Integer.toString(port), "--save", ""));
            }
            command.addAll(List.of("--bind", "127.0.0.1", "--dir", dir.toString(), "--logfile",
                    dir.resolve("redis.log").toString()));
            command.addAll(arguments);
            process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("stdout.log").toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start redis-server (is it installed?)", e);
        }
        Awaitility.await(name + " answers").atMost(START_LIMIT).pollInterval(Duration.ofMillis(50))
                .ignoreExceptions().until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited: " + Files.readString(
                                dir.resolve("stdout.log")) + readLog());
                    }
                    return "PONG".equals(onThis(jedis -> jedis.ping()));
                });
    }

    /** Kills the process at once (SIGKILL: no shutdown save, like a crashed server) and waits for it to go. */
    public synchronized void kill() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    public Path dir() {
        return dir;
    }

    public String name() {
        return name;
    }

    /** Runs {@code command} on a connection of its own to this server. */
    public <T> T onThis(Function<Jedis, T> command) {
        JedisClientConfig config = readinessConfig != null ? readinessConfig
                : DefaultJedisClientConfig.builder().connectionTimeoutMillis(1000).socketTimeoutMillis(2000).build();
        try (Jedis jedis = new Jedis(new HostAndPort("127.0.0.1", port), config)) {
            return command.apply(jedis);
        }
    }

    /** The server's log, for a failure message. */
    public String readLog() {
        try {
            Path log = dir.resolve("redis.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        kill();
    }

    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return name + "@" + address();
    }
}
