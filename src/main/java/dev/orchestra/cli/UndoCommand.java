package dev.orchestra.cli;

import dev.orchestra.storage.safety.RestoreReport;
import dev.orchestra.storage.safety.SafeStorage;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "undo", mixinStandardHelpOptions = true,
        description = "Restores from inspector_trash everything a delete removed, by the undo token it printed. "
                + "Documents whose _id exists again are left in the trash and reported.",
        footer = {"", "Example:", "  orchestra-inspector undo 3f6c2a0e-…"})
final class UndoCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "TOKEN", description = "the undo token (batch id) of a delete")
    String batchId;

    @Mixin
    WriteAccess writeAccess = new WriteAccess();

    UndoCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (OpenStore store = OpenStore.open(context)) {
            SafeStorage safe = store.writable(writeAccess, "undo");
            CacheCleanup cleanup = CacheCleanup.watch(safe.manager());
            RestoreReport report = safe.operations().undo(batchId);
            if (report.restored() == 0 && report.refused().isEmpty()) {
                throw new CliFailure("nothing in inspector_trash under undo token '" + batchId + "'");
            }
            context.out().println(report.summary());
            report.refused().forEach(r -> context.err().println("not restored: " + r.sourceCollection() + " _id "
                    + r.documentId() + ": " + r.reason()));
            context.out().flush();
            context.err().flush();
            return cleanup.finish(context, report.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE);
        }
    }
}
