package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.health.HealthReport;
import dev.orchestra.storage.model.HealthStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The health endpoint cannot be starved by slow clients, answers 503 when full, and shares one check. */
class HealthHttpServerTest {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger checks = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Socket> clients = new ArrayList<>();
    private HealthHttpServer server;

    @AfterEach
    void stop() throws IOException {
        release.countDown();
        for (Socket socket : clients) {
            socket.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private HealthHttpServer serve(HealthHttpServer.Limits limits, Supplier<HealthReport> reports,
                                   Function<String, String> redact) throws IOException {
        server = new HealthHttpServer(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), reports, redact,
                limits);
        server.start();
        return server;
    }

    /** Counts checks; each waits until the test releases it. */
    private HealthReport blockingCheck() {
        checks.incrementAndGet();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return report("fine");
    }

    private static HealthReport report(String message) {
        return HealthReport.of(List.of(new ComponentHealth(ComponentHealth.MONGODB, HealthStatus.ERROR, -1,
                Map.of(), message, Instant.now())), "test", "1");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Socket partialRequest() throws IOException {
        Socket socket = new Socket("127.0.0.1", server.port());
        clients.add(socket);
        OutputStream out = socket.getOutputStream();
        out.write("GET /api/hea".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    @Test
    void pingAnswersWhileSilentClientsHoldConnectionsOpen() throws Exception {
        serve(new HealthHttpServer.Limits(4, 8, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(1)),
                () -> report("fine"), Function.identity());
        Socket slow1 = partialRequest();
        Socket slow2 = partialRequest();

        HttpResponse<String> ping = get("/ping");

        assertThat(ping.statusCode()).isEqualTo(200);
        assertThat(ping.body()).isEqualTo("pong");
        assertThat(slow1.isClosed() || slow2.isClosed()).isFalse();
        assertThat(checks.get()).as("/ping touches no backend").isZero();
    }

    @Test
    void aSilentClientIsDisconnectedAfterTheReadTimeout() throws Exception {
        serve(new HealthHttpServer.Limits(2, 2, Duration.ofMillis(200), Duration.ofSeconds(60), Duration.ofSeconds(1)),
                () -> report("fine"), Function.identity());
        Socket slow = partialRequest();
        slow.setSoTimeout(10_000);
        InputStream in = slow.getInputStream();
        assertThat(in.read()).as("closed by the server without an answer").isEqualTo(-1);
    }

    @Test
    void aFullQueueIsAnswered503AtOnce() throws Exception {
        serve(new HealthHttpServer.Limits(1, 1, Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ZERO),
                this::blockingCheck, Function.identity());
        CompletableFuture<HttpResponse<String>> first = CompletableFuture.supplyAsync(() -> {
            try {
                return get("/api/health");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> checks.get() == 1); // the only worker is busy
        partialRequest(); // waits in the queue

        Socket third = new Socket("127.0.0.1", server.port());
        clients.add(third);
        third.getOutputStream().write("GET /ping HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        third.setSoTimeout(5_000);
        String answer = new String(third.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

        assertThat(answer).startsWith("HTTP/1.1 503");
        release.countDown();
        assertThat(first.get().statusCode()).isEqualTo(503); // the report itself says ERROR
    }

    @Test
    void concurrentHealthRequestsShareOneCheck() throws Exception {
        serve(new HealthHttpServer.Limits(8, 32, Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1)),
                this::blockingCheck, Function.identity());
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            responses.add(http.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                    + "/api/health")).timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> checks.get() >= 1);
        release.countDown();
        for (var response : responses) {
            assertThat(response.get().body()).contains("\"fine\"");
        }
        assertThat(checks.get()).isEqualTo(1);
    }

    @Test
    void theBodyHoldsNoPassword() throws Exception {
        String uri = "mongodb://admin:p@Zx9secretTail@127.0.0.1:1/";
        Redactor redactor = Redactor.forSecrets(Redactor.passwordIn(uri).stream().toList());
        serve(HealthHttpServer.Limits.DEFAULT, () -> report("cannot reach " + uri + " as admin:p@Zx9secretTail"),
                redactor::redact);
        String body = get("/api/health").body();
        assertThat(body).contains("cannot reach").doesNotContain("secretTail").doesNotContain("Zx9");
    }
}
