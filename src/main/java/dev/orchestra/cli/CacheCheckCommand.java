package dev.orchestra.cli;

import dev.orchestra.storage.coherence.CacheFinding;
import dev.orchestra.storage.coherence.CheckProgress;
import dev.orchestra.storage.coherence.CoherenceChecker;
import dev.orchestra.storage.coherence.CoherenceClass;
import dev.orchestra.storage.coherence.CoherenceLimits;
import dev.orchestra.storage.coherence.CoherenceReport;
import dev.orchestra.storage.coherence.CoherenceRepair;
import dev.orchestra.storage.coherence.CoherenceScope;
import dev.orchestra.storage.coherence.RepairResult;
import dev.orchestra.storage.safety.SafeStorage;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "cache-check", mixinStandardHelpOptions = true,
        description = {"Compares the Redis cache with MongoDB: each of our keys (history:*, session:*) is fresh, "
                + "stale (with what differs), orphan (MongoDB has nothing for it), foreign (not our format: never "
                + "decoded, never changed) or expiring (less than a minute to live). Read-only unless --repair.",
                "--repair deletes the stale and orphan keys (audited, refused while read-only), so the next read "
                        + "loads MongoDB's data; it asks first when there is more than one.",
                "Exit code 0 when every checked key is fresh, expiring or foreign; 1 when stale or orphan keys were "
                        + "found and not repaired."},
        footer = {"", "Examples:", "  orchestra-inspector cache-check --user alice",
                "  orchestra-inspector cache-check --user alice --session sess_1 --json",
                "  orchestra-inspector cache-check --sample 10000 --repair --yes"})
final class CacheCheckCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--user", paramLabel = "USER_ID", description = "only this user's keys")
    String userId;

    @Option(names = "--session", paramLabel = "SESSION_ID", description = "only this session's keys (with --user)")
    String sessionId;

    @Option(names = "--sample", paramLabel = "N", description = "check at most N keys (default ${DEFAULT-VALUE})",
            defaultValue = "1000")
    int sample;

    @Option(names = "--repair", description = "delete the stale and orphan keys found")
    boolean repair;

    @Option(names = {"-y", "--yes"}, description = "do not ask before repairing")
    boolean yes;

    @Option(names = "--json", description = "print the report as JSON")
    boolean json;

    @Mixin
    WriteAccess writeAccess = new WriteAccess();

    CacheCheckCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (sessionId != null && userId == null) {
            throw new ParameterException(spec.commandLine(), "--session needs --user");
        }
        if (sample < 1 || sample > CoherenceLimits.MAX_SAMPLE) {
            throw new ParameterException(spec.commandLine(), "--sample must be between 1 and "
                    + CoherenceLimits.MAX_SAMPLE + ", was " + sample);
        }
        CoherenceScope scope = sessionId != null ? CoherenceScope.session(userId, sessionId)
                : userId != null ? CoherenceScope.user(userId) : CoherenceScope.sample();
        try (OpenStore store = OpenStore.open(context)) {
            SafeStorage safe = repair ? store.writable(writeAccess, "cache-check --repair") : store.safe();
            CoherenceChecker checker = CoherenceChecker.of(safe.manager()).orElseThrow(() -> new CliFailure(
                    "no Redis cache is configured (REDIS_HOST, or REDIS_MODE with REDIS_SENTINELS / REDIS_NODES): "
                            + "nothing to check"))
                    .withLimits(CoherenceLimits.DEFAULT.withSampleSize(sample));
            CoherenceReport report = checker.check(scope, CheckProgress.NONE);
            RepairResult repaired = null;
            if (!json) {
                printReport(report);
            }
            if (repair && report.problems() > 0) {
                if (report.problems() > 1 && !yes && !new Confirmation(context)
                        .confirm("delete " + report.problems() + " stale or orphan cache keys", "yes")) {
                    context.err().println("Not confirmed: nothing deleted.");
                    return ExitCodes.FAILED;
                }
                repaired = new CoherenceRepair(checker, safe.writeLock(), safe.operations().audit())
                        .repair(report.findings());
                if (!json) {
                    context.out().println("Repair: " + repaired.summary());
                    repaired.skipped().forEach(s -> context.out().println("  left alone: " + s));
                }
            }
            if (json) {
                context.out().println(CoherenceJson.of(report, repaired));
            }
            context.out().flush();
            boolean allRepaired = repaired != null && repaired.deleted().size() >= report.problems();
            return report.problems() == 0 || allRepaired ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private void printReport(CoherenceReport report) {
        List<CacheFinding> shown = report.findings().stream()
                .filter(f -> f.coherence() != CoherenceClass.FRESH || report.checked() <= 20).toList();
        if (!shown.isEmpty()) {
            DocumentTable.print(context.out(), List.of("key", "class", "type", "ttl_s", "detail"),
                    shown.stream().map(f -> List.of(f.key(), f.coherence().label(), f.redisType(),
                            f.ttlMillis() < 0 ? (f.ttlMillis() == -1 ? "none" : "") : Long.toString(f.ttlMillis() / 1000),
                            f.detail())).toList());
        }
        context.out().printf("%s: %s; %d Redis round trips, %d MongoDB reads, %d ms%n", report.scope(),
                report.summary(), report.redisRoundTrips(), report.sourceReads(), report.elapsed().toMillis());
    }
}
