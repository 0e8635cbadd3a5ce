package dev.orchestra.cli;

import dev.orchestra.storage.health.HealthReport;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Checks MongoDB and Redis now (bounded by a short timeout) and prints the health report.",
                "Exit code: 0 ok, 1 degraded (Redis down, MongoDB up), 2 error (MongoDB down)."},
        footer = {"", "Examples:", "  orchestra-inspector health", "  orchestra-inspector health --json"})
final class HealthCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--json", description = "the report as JSON, as GET /api/health serves it")
    boolean json;

    HealthCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (HealthReports reports = new HealthReports(context)) {
            HealthReport report = reports.check();
            if (json) {
                context.out().println(context.redact(report.toJson()));
                context.out().flush();
            } else {
                HealthReports.printText(context, report);
            }
            return HealthReports.exitCode(report);
        }
    }
}
