package dev.orchestra.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.orchestra.storage.health.HealthReport;
import dev.orchestra.storage.health.HealthStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/health} (the report as JSON; 200 when ok or degraded, 503 on error) and {@code GET /ping}
 * ({@code pong}) for monitoring systems, on the JDK's built-in HTTP server. Other paths get 404, other methods 405.
 */
final class HealthHttpServer implements AutoCloseable {
    static final String HEALTH_PATH = "/api/health";
    static final String PING_PATH = "/ping";
    private static final Logger LOG = LoggerFactory.getLogger(HealthHttpServer.class);
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD");

    private final HttpServer server;
    private final ExecutorService executor;

    /**
     * @param redact applied to the JSON before it is sent (no secrets on the wire)
     * @throws IOException when the address cannot be bound (e.g. the port is in use)
     */
    HealthHttpServer(InetSocketAddress address, Supplier<HealthReport> reports, Function<String, String> redact)
            throws IOException {
        server = HttpServer.create(address, 16);
        // Two threads: a slow health check must not hold up /ping.
        executor = Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "health-http");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, reports, redact));
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void handle(HttpExchange exchange, Supplier<HealthReport> reports, Function<String, String> redact)
            throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (!HEALTH_PATH.equals(path) && !PING_PATH.equals(path)) {
                send(exchange, 404, "application/json", "{\"error\":\"not found\",\"paths\":[\"" + HEALTH_PATH
                        + "\",\"" + PING_PATH + "\"]}");
                return;
            }
            if (!READ_METHODS.contains(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "application/json", "{\"error\":\"method not allowed\"}");
                return;
            }
            if (PING_PATH.equals(path)) {
                send(exchange, 200, "text/plain; charset=utf-8", "pong");
                return;
            }
            HealthReport report = reports.get();
            send(exchange, report.status() == HealthStatus.ERROR ? 503 : 200, "application/json",
                    redact.apply(report.toJson()));
        } catch (RuntimeException e) {
            LOG.warn("Health request failed: {}", e.toString());
            throw e;
        }
    }

    private static void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
