package dev.orchestra.storage.redis;

import dev.orchestra.storage.error.StorageOperationException;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The development cache beside the embedded store: a {@code redis-server} process of this app on a free loopback
 * port, with no persistence ({@code --save "" --appendonly no}) and a temporary directory, stopped by
 * {@link #close()} and, should the app not get there, when the JVM exits. The binary is the machine's
 * {@code redis-server} when it is on the PATH, else the one shipped in the optional
 * {@code com.github.codemonstur:embedded-redis} jar.
 */
public final class EmbeddedRedisServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRedisServer.class);
    private static final String HOST = "127.0.0.1";
    private static final long START_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final String SHIPPED_BINARY = "redis.embedded.core.ExecutableProvider";

    private final Process process;
    private final int port;
    private final Path directory;
    private final Thread onExit;
    private boolean closed;

    private EmbeddedRedisServer(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
        this.onExit = new Thread(this::stop, "embedded-redis-stop");
        Runtime.getRuntime().addShutdownHook(onExit);
    }

    /**
     * Starts the machine's or the shipped {@code redis-server} and waits until it answers PING.
     *
     * @throws StorageOperationException saying why (no binary for this system, the process failed, no answer)
     */
    public static EmbeddedRedisServer start() {
        return start(binary());
    }

    /** Starts {@code binary} (a {@code redis-server}). */
    public static EmbeddedRedisServer start(Path binary) {
        Path directory;
        try {
            directory = Files.createTempDirectory("orchestra-redis-");
        } catch (IOException e) {
            throw new StorageOperationException("Cannot create a directory for the embedded Redis: " + e.getMessage(), e);
        }
        int port = freePort();
        Path log = directory.resolve("redis.log");
        List<String> command = List.of(binary.toString(), "--port", Integer.toString(port), "--bind", HOST,
                "--save", "", "--appendonly", "no", "--dir", directory.toString(), "--daemonize", "no",
                "--loglevel", "warning");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            deleteQuietly(directory);
            throw new StorageOperationException("Cannot start " + binary + ": " + e.getMessage(), e);
        }
        EmbeddedRedisServer server = new EmbeddedRedisServer(process, port, directory);
        try {
            server.awaitReady(log);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.info("Embedded Redis ({}) listening on {}:{}", binary, HOST, port);
        return server;
    }

    /** The {@code redis-server} to run: on the PATH, else the shipped one; the message says why there is none. */
    static Path binary() {
        Optional<Path> onPath = onPath(System.getenv("PATH"));
        if (onPath.isPresent()) {
            return onPath.get();
        }
        try {
            Class<?> provider = Class.forName(SHIPPED_BINARY, true, EmbeddedRedisServer.class.getClassLoader());
            Object jarProvider = provider.getMethod("newJarResourceProvider").invoke(null);
            File file = (File) provider.getMethod("get").invoke(jarProvider);
            return file.toPath();
        } catch (ClassNotFoundException e) {
            throw new StorageOperationException("no redis-server on the PATH, and com.github.codemonstur:"
                    + "embedded-redis (an optional dependency) is not on the classpath");
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new StorageOperationException("no redis-server on the PATH, and none shipped for this system ("
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "): "
                    + cause.getMessage(), cause);
        }
    }

    static Optional<Path> onPath(String path) {
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, "redis-server");
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops the process and deletes its directory. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it stops the process itself
        }
    }

    private synchronized void stop() {
        if (closed) {
            return;
        }
        closed = true;
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteQuietly(directory);
        LOG.info("Embedded Redis on port {} stopped", port);
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + START_LIMIT_NANOS;
        var config = DefaultJedisClientConfig.builder().connectionTimeoutMillis(500).socketTimeoutMillis(500).build();
        while (true) {
            if (!process.isAlive()) {
                throw new StorageOperationException("redis-server exited at start: " + lastLine(log));
            }
            try (Jedis jedis = new Jedis(new HostAndPort(HOST, port), config)) {
                jedis.ping();
                return;
            } catch (JedisException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new StorageOperationException("redis-server did not answer within 10 s: " + lastLine(log));
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // a process starting: nothing to wait on
            }
        }
    }

    private static String lastLine(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
        } catch (IOException e) {
            return "no output";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new StorageOperationException("No free port for the embedded Redis: " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.walk(directory)) {
            List<Path> all = new ArrayList<>(files.toList());
            for (int i = all.size() - 1; i >= 0; i--) {
                Files.deleteIfExists(all.get(i));
            }
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", directory, e.getMessage());
        }
    }
}
