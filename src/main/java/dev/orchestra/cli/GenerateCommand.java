package dev.orchestra.cli;

import dev.orchestra.storage.generator.DataGenerator;
import dev.orchestra.storage.model.BulkProgress;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.UpsertResult;
import dev.orchestra.storage.safety.SafeOperations;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Fills the store with made-up conversations, to try the inspector at scale: memory items of "
                + "multi-turn sessions (user, assistant and tool messages; 5%% with a 1,536-dimension embedding), one "
                + "agent data document per ten items and one user_sessions record per 40 items. Users and sessions "
                + "are named generated-user-N / generated-SEED-session-N and agents generated-NAME, so they never mix "
                + "with real ones.",
                "Written 1,000 at a time through the import path (validated, audited, cache invalidated, refused "
                        + "while read-only). The same --seed makes the same documents: running it again replaces "
                        + "them instead of adding more (with a larger --items, it adds only the rest)."},
        footer = {"", "Examples:", "  orchestra-inspector generate --items 100000 --yes",
                "  orchestra-inspector generate --items 1000000 --seed 7 --progress --yes"})
final class GenerateCommand implements Callable<Integer> {
    static final int MAX_ITEMS = 10_000_000;

    private final CliContext context;

    @Option(names = "--items", required = true, description = "memory items to make (1..10,000,000)")
    int items;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = {"-y", "--yes"}, description = "do not ask for confirmation")
    boolean yes;

    @Option(names = "--progress", description = "show the progress bar even when stderr is not a terminal")
    boolean forceProgress;

    @Mixin
    WriteAccess writeAccess = new WriteAccess();

    @Spec
    CommandSpec spec;

    GenerateCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (items < 1 || items > MAX_ITEMS) {
            throw new ParameterException(spec.commandLine(), "--items must be between 1 and " + MAX_ITEMS + ", was "
                    + items);
        }
        try (OpenStore store = OpenStore.open(context)) {
            SafeOperations operations = store.writable(writeAccess, "generate").operations();
            if (!yes && !new Confirmation(context).confirm("write " + items + " generated memory items (and their "
                    + "agent data and sessions) into " + store.config().mongoDatabase() + " on "
                    + store.config().mongoDisplayName(), "yes")) {
                context.err().println("Not confirmed: nothing written.");
                return ExitCodes.FAILED;
            }
            ProgressBar bar = new ProgressBar(context.err(), forceProgress || context.terminal().stderrIsTerminal());
            BulkProgress progress = bar.bulk("Generating");
            long expectedItems = items;
            AtomicLong itemsWritten = new AtomicLong();
            AtomicLong failed = new AtomicLong();
            DataGenerator.Report report = new DataGenerator((collection, batch) -> {
                UpsertResult result = operations.importBatch(collection, batch);
                failed.addAndGet(result.failures().size());
                if (collection == StoreCollection.MEMORY_ITEMS) {
                    progress.onBatch(itemsWritten.addAndGet(batch.size()), expectedItems);
                }
            }, seed).generate(items);
            bar.finishLine();
            context.out().printf("Generated %,d documents (%,d memory items, %,d with an embedding; %,d agent data; "
                            + "%,d sessions) in %.1f s, %,.0f docs/s%n", report.documents(), report.items(),
                    report.embeddings(), report.agentData(), report.sessions(), report.elapsed().toMillis() / 1000.0,
                    report.documentsPerSecond());
            context.out().flush();
            if (failed.get() > 0) {
                context.err().printf("%,d of them were refused by the store and not written%n", failed.get());
                return ExitCodes.FAILED;
            }
            return ExitCodes.OK;
        }
    }
}
