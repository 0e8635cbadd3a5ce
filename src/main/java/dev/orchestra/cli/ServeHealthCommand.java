package dev.orchestra.cli;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "serve-health", mixinStandardHelpOptions = true,
        description = {"Serves the health report over HTTP for monitoring systems until stopped (Ctrl-C, SIGTERM):",
                "  GET /api/health  the report as JSON; 200 when ok or degraded, 503 on error",
                "  GET /ping        200 'pong'",
                "Other paths answer 404, other methods 405. Binds 127.0.0.1 unless --bind says otherwise."},
        footer = {"", "Examples:", "  orchestra-inspector serve-health --port 8081",
                "  orchestra-inspector serve-health --bind 0.0.0.0 --port 9000"})
final class ServeHealthCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = {"-p", "--port"}, paramLabel = "N", defaultValue = "8081",
            description = "TCP port (0 picks a free one; default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "127.0.0.1",
            description = "address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for every interface)")
    String bind;

    ServeHealthCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new ParameterException(spec.commandLine(), "--port must be between 0 and 65535, was " + port);
        }
        InetSocketAddress address = address();
        try (HealthReports reports = new HealthReports(context);
             HealthHttpServer server = listen(address, reports)) {
            server.start();
            context.out().printf("Serving health on http://%s:%d%s and %s (Ctrl-C stops)%n",
                    address.getAddress().getHostAddress(), server.port(), HealthHttpServer.HEALTH_PATH,
                    HealthHttpServer.PING_PATH);
            context.out().flush();
            context.shutdown().await();
        } finally {
            context.shutdown().stopped();
        }
        return ExitCodes.OK;
    }

    private InetSocketAddress address() {
        try {
            return new InetSocketAddress(InetAddress.getByName(bind), port);
        } catch (UnknownHostException e) {
            throw new ParameterException(spec.commandLine(), "--bind: unknown address '" + bind + "'");
        }
    }

    private HealthHttpServer listen(InetSocketAddress address, HealthReports reports) {
        String where = address.getAddress().getHostAddress() + ":" + port;
        try {
            return new HealthHttpServer(address, reports::check, context::redact);
        } catch (BindException e) {
            throw new CliFailure("cannot listen on " + where + ": "
                    + (e.getMessage() != null && e.getMessage().toLowerCase().contains("in use")
                    ? "the port is already in use" : e.getMessage()));
        } catch (IOException e) {
            throw new CliFailure("cannot listen on " + where + ": " + e.getMessage());
        }
    }
}
