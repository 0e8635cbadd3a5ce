package dev.orchestra.cli;

import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.health.HealthChecker;
import dev.orchestra.storage.health.HealthReport;
import dev.orchestra.storage.model.HealthStatus;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Health reports for the CLI and the HTTP endpoint. Keeps the store open between checks (serve-health) and opens it
 * again after it could not be opened at all, so a server that was down at start-up is picked up when it returns.
 */
final class HealthReports implements AutoCloseable {
    private final CliContext context;
    private final String version;
    private OpenStore store;
    private HealthChecker checker;

    HealthReports(CliContext context) {
        this.context = context;
        this.version = new VersionProvider().version();
    }

    synchronized HealthReport check() {
        StorageConfig config = context.config().get();
        String environment = config.environment().wireName();
        if (checker == null) {
            try {
                store = OpenStore.open(context);
                checker = new HealthChecker(store.manager(), environment, version);
            } catch (StorageException e) {
                return HealthReport.of(List.of(new ComponentHealth(ComponentHealth.MONGODB, HealthStatus.ERROR, -1,
                        Map.of("server", config.mongoDisplayName()), context.redact(e.getMessage()), Instant.now())),
                        environment, version);
            }
        }
        return checker.check();
    }

    static int exitCode(HealthReport report) {
        return switch (report.status()) {
            case OK -> 0;
            case DEGRADED -> 1;
            default -> 2;
        };
    }

    /** {@code status: degraded (environment development, version 0.1.0)} and one line per component. */
    static void printText(CliContext context, HealthReport report) {
        PrintWriter out = context.out();
        out.printf("status: %s (environment %s, version %s)%n", report.status().wireName(), report.environment(),
                report.version());
        report.details().forEach((component, value) -> {
            StringBuilder line = new StringBuilder(String.format("  %-18s", component));
            if (value instanceof Map<?, ?> details) {
                line.append(String.format("%-9s", details.get("status")));
                if (details.get("latency_ms") != null) {
                    line.append(' ').append(details.get("latency_ms")).append(" ms");
                }
                details.forEach((k, v) -> {
                    if (!List.of("status", "latency_ms", "checked_at").contains(String.valueOf(k))) {
                        line.append("  ").append(k).append('=').append(v);
                    }
                });
            } else {
                line.append(value);
            }
            out.println(context.redact(line.toString().stripTrailing()));
        });
        out.flush();
    }

    @Override
    public synchronized void close() {
        if (checker != null) {
            checker.close();
        }
        if (store != null) {
            store.close();
        }
    }
}
