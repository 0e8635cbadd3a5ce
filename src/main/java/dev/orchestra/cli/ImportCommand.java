package dev.orchestra.cli;

import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.SafeStorage;
import dev.orchestra.storage.transfer.ImportOptions;
import dev.orchestra.storage.transfer.ImportReport;
import dev.orchestra.storage.transfer.ImportService;
import dev.orchestra.storage.transfer.LineError;
import dev.orchestra.storage.transfer.TransferException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Imports a JSON-lines file (one Extended JSON document per line, as 'export' writes) into a "
                + "collection, upserting by _id through the store's normal write path (the cache is invalidated).",
                "Through the same safe path as the GUI: refused while read-only, every insert and replace audited.",
                "Every line is validated first (JSON, required fields, field types); bad lines are reported with "
                        + "their numbers on stderr and never written. Exit code 3 when some lines were rejected."},
        footer = {"", "Examples:",
                "  orchestra-inspector import memory_items alice.jsonl --dry-run",
                "  orchestra-inspector import agent_data plans.jsonl --batch 1000",
                "  orchestra-inspector import memory_items backup.jsonl --as-is",
                "", "If the store fails in the middle, the message says how many documents are stored; run the same "
                        + "import again to resume (documents already stored are counted as unchanged)."})
final class ImportCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "COLLECTION", converter = Converters.Collection.class,
            description = "memory_items, agent_data or user_sessions")
    CollectionRef collection;

    @Parameters(index = "1", paramLabel = "FILE", description = "the JSON-lines file")
    Path file;

    @Option(names = "--dry-run", description = "validate every line and report, write nothing")
    boolean dryRun;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "500",
            description = "documents per write batch (1..10000, default ${DEFAULT-VALUE})")
    int batchSize;

    @Option(names = "--all-or-nothing", description = "write nothing at all when any line is bad")
    boolean allOrNothing;

    @Option(names = "--as-is", description = {"restore an export exactly as it is: only BSON validity, the 16 MiB "
            + "size and the _id rules apply, not Orchestra's required fields and types (e.g. string or Int64 "
            + "timestamps come back unchanged); audited like any import"})
    boolean asIs;

    @Mixin
    WriteAccess writeAccess = new WriteAccess();

    @Option(names = "--progress", description = "show the progress bar even when stderr is not a terminal")
    boolean forceProgress;

    ImportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        StoreCollection target = ImportService.checkImportable(collection);
        if (batchSize < 1 || batchSize > ImportOptions.MAX_BATCH) {
            throw new ParameterException(spec.commandLine(),
                    "--batch must be between 1 and " + ImportOptions.MAX_BATCH + ", was " + batchSize);
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new TransferException("Cannot read " + file + ": " + (Files.isDirectory(file) ? "it is a directory"
                    : Files.exists(file) ? "permission denied" : "no such file"));
        }
        ImportOptions options = ImportOptions.defaults().withBatchSize(batchSize).withDryRun(dryRun)
                .withAllOrNothing(allOrNothing).withAsIs(asIs);
        ProgressBar bar = new ProgressBar(context.err(), forceProgress || context.terminal().stderrIsTerminal());
        try (OpenStore store = OpenStore.open(context); CancelOnShutdown interrupt = new CancelOnShutdown()) {
            SafeStorage safe = dryRun ? store.safe() : store.writable(writeAccess, "import");
            CacheCleanup cleanup = CacheCleanup.watch(safe.manager());
            ImportReport report = ImportService.forSafeStorage(safe).importFile(target, file, options,
                    interrupt.wrap(bar));
            bar.finishLine();
            printReport(report);
            return cleanup.finish(context, report.hasProblems() ? ExitCodes.INCOMPLETE : ExitCodes.OK);
        } finally {
            bar.finishLine();
        }
    }

    private void printReport(ImportReport report) {
        PrintWriter err = context.err();
        for (LineError error : report.rejected()) {
            err.println(file + ": " + error);
        }
        if (report.rejectedLines() > report.rejected().size()) {
            err.printf("%s: … and %,d more bad lines%n", file, report.rejectedLines() - report.rejected().size());
        }
        for (LineError failure : report.writeFailures()) {
            err.println(file + ": " + failure + " (not written)");
        }
        err.flush();
        PrintWriter out = context.out();
        out.printf(Locale.ROOT, "%s: %,d lines, %,d valid, %,d rejected%n", file, report.lines(), report.validLines(),
                report.rejectedLines());
        if (!report.written()) {
            out.println(dryRun ? "Dry run: nothing written."
                    : report.cancelled() ? "Cancelled: nothing written."
                    : "Nothing written (--all-or-nothing and some lines are bad).");
        } else {
            out.printf(Locale.ROOT, "%s: %,d inserted, %,d replaced, %,d unchanged, %,d refused by the store "
                            + "in %.1f s (%,.0f documents/s)%s%n",
                    collection.collectionName(), report.inserted(), report.replaced(), report.unchanged(),
                    report.failedWrites(), report.elapsed().toMillis() / 1000.0, report.documentsPerSecond(),
                    report.cancelled() ? " — cancelled" : "");
        }
        out.flush();
    }
}
