package dev.orchestra.cli;

import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.transfer.ExportFormat;
import dev.orchestra.storage.transfer.ExportResult;
import dev.orchestra.storage.transfer.ExportService;
import dev.orchestra.storage.transfer.OutputFiles;
import dev.orchestra.storage.transfer.TransferProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Streams the documents of a collection, embeddings included, as Extended JSON lines "
                + "(canonical, doubles as plain numbers: lossless; what 'import' reads) or CSV with a header. Memory stays flat however large the collection.",
                "A file is written beside its target and moved into place when complete: a failed export leaves no "
                        + "partial file."},
        footer = {"", "Examples:",
                "  orchestra-inspector export memory_items --user alice --out alice.jsonl",
                "  orchestra-inspector export agent_data --agent planner --from 2024-05-01 --format csv > plans.csv"})
final class ExportCommand implements Callable<Integer> {
    private final CliContext context;

    @Parameters(index = "0", paramLabel = "COLLECTION", converter = Converters.Collection.class,
            description = "memory_items, agent_data, user_sessions, inspector_trash or inspector_audit")
    CollectionRef collection;

    @Mixin
    FilterOptions filters = new FilterOptions();

    @Option(names = "--format", paramLabel = "jsonl|csv", converter = Converters.Format.class,
            description = "output format (default: jsonl, or csv when --out ends in .csv)")
    ExportFormat format;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "write to FILE instead of standard output")
    Path out;

    @Option(names = "--progress", description = "show the progress bar even when stderr is not a terminal")
    boolean forceProgress;

    ExportCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DocumentFilter filter = filters.toFilter();
        ExportFormat chosen = format != null ? format
                : out != null && out.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? ExportFormat.CSV
                : ExportFormat.JSONL;
        if (out != null) {
            OutputFiles.checkWritable(out); // before connecting: a typo in the path fails at once
        }
        ProgressBar bar = new ProgressBar(context.err(), forceProgress || context.terminal().stderrIsTerminal());
        try (OpenStore store = OpenStore.open(context); CancelOnShutdown interrupt = new CancelOnShutdown()) {
            ExportService service = ExportService.forManager(store.manager());
            ExportResult result = out != null
                    ? service.exportToFile(collection, filter, chosen, out, interrupt.wrap(bar))
                    : exportToStdout(service, filter, chosen, interrupt.wrap(bar));
            bar.finishLine();
            if (result.cancelled()) {
                context.err().printf("export stopped after %,d documents: %s%n", result.documents(),
                        interrupt.requested() ? "interrupted" + (out == null ? "" : ", no file written")
                                : "standard output was closed");
                return ExitCodes.FAILED;
            }
            context.err().printf(Locale.ROOT, "Exported %,d documents from %s%s in %.1f s (%,.0f documents/s)%n",
                    result.documents(), collection.collectionName(), out == null ? "" : " to " + out,
                    result.elapsed().toMillis() / 1000.0, result.documentsPerSecond());
            return ExitCodes.OK;
        } finally {
            bar.finishLine();
        }
    }

    private ExportResult exportToStdout(ExportService service, DocumentFilter filter, ExportFormat chosen,
                                        TransferProgress bar) {
        // A closed pipe (| head) makes the PrintWriter flag an error instead of throwing: stop there.
        TransferProgress stopWhenClosed = (phase, done, total) -> !context.out().checkError()
                && bar.onProgress(phase, done, total);
        try {
            return service.export(collection, filter, chosen, context.out(), stopWhenClosed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
