package dev.orchestra.cli;

import dev.orchestra.storage.health.HealthReport;
import dev.orchestra.storage.model.HealthStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/health} (the report as JSON; 200 when ok or degraded, 503 on error) and {@code GET /ping}
 * ({@code pong}) for monitoring systems. Other paths get 404, other methods 405. One request per connection.
 *
 * <p>Built on plain sockets rather than the JDK's {@code HttpServer}, whose connections have no read timeout (two
 * clients that send half a request and go silent held both its threads, and every {@code /ping} waited): here every
 * connection has a read timeout and a deadline after which it is closed, requests wait in a bounded queue (a full
 * queue is answered 503 at once), {@code /ping} never touches a backend, and the health report is computed at most
 * once per interval however many requests ask for it ({@link SharedHealth}).
 */
final class HealthHttpServer implements AutoCloseable {
    static final String HEALTH_PATH = "/api/health";
    static final String PING_PATH = "/ping";
    private static final Logger LOG = LoggerFactory.getLogger(HealthHttpServer.class);
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");
    private static final int MAX_HEADER_BYTES = 8 * 1024;

    /**
     * @param workers            connections served at once
     * @param queue              connections waiting for a worker; beyond that: 503
     * @param readTimeout        longest silence while reading a request
     * @param connectionDeadline longest life of a connection, reading and writing included
     * @param healthInterval     how long one health report is reused
     */
    record Limits(int workers, int queue, Duration readTimeout, Duration connectionDeadline, Duration healthInterval) {
        static final Limits DEFAULT = new Limits(8, 32, Duration.ofSeconds(2), Duration.ofSeconds(15),
                Duration.ofSeconds(2));
    }

    private final ServerSocket serverSocket;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService deadlines;
    private final SharedHealth health;
    private final Function<String, String> redact;
    private final Limits limits;
    private final Thread acceptor;

    /**
     * @param redact applied to the JSON before it is sent (no secrets on the wire)
     * @throws IOException when the address cannot be bound (e.g. the port is in use)
     */
    HealthHttpServer(InetSocketAddress address, Supplier<HealthReport> reports, Function<String, String> redact,
                     Limits limits) throws IOException {
        this.serverSocket = new ServerSocket();
        serverSocket.bind(address, 64);
        this.redact = redact;
        this.limits = limits;
        this.health = new SharedHealth(reports, limits.healthInterval(), System::nanoTime);
        this.workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(limits.queue()), daemon("health-http"));
        this.deadlines = Executors.newSingleThreadScheduledExecutor(daemon("health-http-deadline"));
        this.acceptor = daemon("health-http-accept").newThread(this::acceptLoop);
    }

    HealthHttpServer(InetSocketAddress address, Supplier<HealthReport> reports, Function<String, String> redact)
            throws IOException {
        this(address, reports, redact, Limits.DEFAULT);
    }

    void start() {
        acceptor.start();
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    private void acceptLoop() {
        while (!serverSocket.isClosed()) {
            try {
                Socket socket = serverSocket.accept();
                socket.setSoTimeout((int) limits.readTimeout().toMillis());
                var deadline = deadlines.schedule(() -> closeQuietly(socket),
                        limits.connectionDeadline().toMillis(), TimeUnit.MILLISECONDS);
                try {
                    workers.execute(() -> {
                        try {
                            serve(socket);
                        } finally {
                            deadline.cancel(false);
                            closeQuietly(socket);
                        }
                    });
                } catch (RejectedExecutionException full) {
                    deadline.cancel(false);
                    refuse(socket);
                }
            } catch (IOException e) {
                if (!serverSocket.isClosed()) {
                    LOG.warn("Accepting a health connection failed: {}", e.toString());
                }
            }
        }
    }

    /** Every worker busy and the queue full: 503 at once (a small answer fits the socket's send buffer). */
    private void refuse(Socket socket) {
        try (socket) {
            write(socket.getOutputStream(), 503, "application/json", "{\"error\":\"busy, try again\"}", false);
        } catch (IOException ignored) {
            // the client went away: nothing to tell it
        }
    }

    private void serve(Socket socket) {
        try {
            String requestLine = readHead(socket.getInputStream());
            String[] parts = requestLine == null ? new String[0] : requestLine.split(" ");
            if (parts.length < 2) {
                write(socket.getOutputStream(), 400, "application/json", "{\"error\":\"bad request\"}", false);
                return;
            }
            String method = parts[0];
            String path = parts[1].split("\\?", 2)[0];
            OutputStream out = socket.getOutputStream();
            boolean head = "HEAD".equals(method);
            if (!HEALTH_PATH.equals(path) && !PING_PATH.equals(path)) {
                write(out, 404, "application/json", "{\"error\":\"not found\",\"paths\":[\"" + HEALTH_PATH
                        + "\",\"" + PING_PATH + "\"]}", head);
            } else if (!READ_METHODS.contains(method)) {
                write(out, 405, "application/json", "{\"error\":\"method not allowed\"}", head);
            } else if (PING_PATH.equals(path)) {
                write(out, 200, "text/plain; charset=utf-8", "pong", head);
            } else {
                HealthReport report = health.get();
                write(out, report.status() == HealthStatus.ERROR ? 503 : 200, "application/json",
                        redact.apply(report.toJson()), head);
            }
        } catch (SocketException | SocketTimeoutException closedOrSilent) {
            // the client was too slow (or went away): the connection is simply closed
        } catch (IOException | RuntimeException e) {
            LOG.warn("Health request failed: {}", redact.apply(e.toString()));
        }
    }

    /** The request line; the headers are read and ignored. Null when the client sent nothing usable. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        String requestLine = null;
        int total = 0;
        int c;
        while ((c = in.read()) != -1) {
            if (++total > MAX_HEADER_BYTES) {
                return null;
            }
            if (c == '\n') {
                String text = line.toString().strip();
                if (requestLine == null) {
                    requestLine = text;
                } else if (text.isEmpty()) {
                    return requestLine;
                }
                line.setLength(0);
            } else {
                line.append((char) c);
            }
        }
        return null;
    }

    private static void write(OutputStream out, int status, String contentType, String body, boolean head)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String headers = "HTTP/1.1 " + status + " " + reason(status) + "\r\n"
                + "Content-Type: " + contentType + "\r\n"
                + "Content-Length: " + bytes.length + "\r\n"
                + "Cache-Control: no-store\r\n"
                + (status == 405 ? "Allow: GET, HEAD\r\n" : "")
                + "Connection: close\r\n\r\n";
        out.write(headers.getBytes(StandardCharsets.US_ASCII));
        if (!head) {
            out.write(bytes);
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is all we wanted
        }
    }

    @Override
    public void close() {
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // already closed
        }
        workers.shutdownNow();
        deadlines.shutdownNow();
    }
}
