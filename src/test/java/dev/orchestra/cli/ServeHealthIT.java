package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.testsupport.MongoTestServer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** serve-health over real HTTP, against mongo-java-server stopped and restarted. */
class ServeHealthIT {
    private static final Pattern SERVING = Pattern.compile("http://127\\.0\\.0\\.1:(\\d+)/api/health");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void answersWithTheReportAndTheRightStatusCodes() throws Exception {
        try (MongoTestServer mongo = MongoTestServer.start()) {
            CountDownLatch stop = new CountDownLatch(1);
            CountDownLatch stopped = new CountDownLatch(1);
            CliHarness cli = new CliHarness(MemoryManagerFactory::create);
            cli.env.put("APP_ENV", "staging");
            cli.env.put("MONGODB_URI", mongo.connectionString());
            cli.env.put("MONGODB_DATABASE", mongo.uniqueDatabaseName());
            cli.env.put("STORAGE_TIMEOUT_MS", "1000");
            cli.shutdown = new ShutdownSignal() {
                @Override
                public void await() throws InterruptedException {
                    stop.await();
                }

                @Override
                public void stopped() {
                    stopped.countDown();
                }
            };
            CompletableFuture<CliHarness.Result> running = CompletableFuture.supplyAsync(
                    () -> cli.run("serve-health", "--port", "0"));
            // port 0: the command prints the port it got once it listens
            int port = awaitPort(running, cli);

            HttpResponse<String> ok = get(port, "/api/health", "GET");
            HttpResponse<String> ping = get(port, "/ping", "GET");
            HttpResponse<String> missing = get(port, "/api/nothing", "GET");
            HttpResponse<String> post = get(port, "/api/health", "POST");
            mongo.stop();
            // the report is shared for a short interval: the outage shows once it has passed
            HttpResponse<String> down = await().atMost(Duration.ofSeconds(20))
                    .until(() -> get(port, "/api/health", "GET"), response -> response.statusCode() != 200);
            mongo.restart();
            await().atMost(Duration.ofSeconds(20)).until(() -> get(port, "/api/health", "GET").statusCode() == 200);

            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(BsonDocument.parse(ok.body()).getString("status").getValue()).isEqualTo("ok");
            assertThat(ping.statusCode()).isEqualTo(200);
            assertThat(ping.body()).isEqualTo("pong");
            assertThat(missing.statusCode()).isEqualTo(404);
            assertThat(post.statusCode()).isEqualTo(405);
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(BsonDocument.parse(down.body()).getString("status").getValue()).isEqualTo("error");

            stop.countDown();
            CliHarness.Result result = running.get();
            assertThat(result.exitCode()).isZero();
            assertThat(stopped.getCount()).isZero();
            assertThat(result.err()).isEmpty();
        }
    }

    @Test
    void aPortInUseIsOneLineAndNonZero() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            CliHarness cli = new CliHarness(config -> {
                throw new AssertionError("not reached");
            });

            var result = cli.run("serve-health", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILED);
            assertThat(result.err()).hasLineCount(1).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort(),
                    "already in use");
        }
    }

    private int awaitPort(CompletableFuture<CliHarness.Result> running, CliHarness cli) {
        return await().atMost(Duration.ofSeconds(20)).until(() -> {
            if (running.isDone()) {
                throw new AssertionError("serve-health ended early: " + running.get().err());
            }
            Matcher m = SERVING.matcher(cli.lastOut());
            return m.find() ? Integer.parseInt(m.group(1)) : null;
        }, p -> p != null);
    }

    private HttpResponse<String> get(int port, String path, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
