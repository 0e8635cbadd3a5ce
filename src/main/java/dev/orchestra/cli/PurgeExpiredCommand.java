package dev.orchestra.cli;

import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.DeletePreview;
import dev.orchestra.storage.safety.DeleteResult;
import dev.orchestra.storage.safety.SafeOperations;
import dev.orchestra.storage.safety.SafeStorage;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "purge-expired", mixinStandardHelpOptions = true,
        description = {"Deletes the memory items and agent data whose 'expiration' is in the past, through the safe "
                + "path (copied to inspector_trash first, audited, refused while read-only).",
                "Asks for confirmation; without a terminal it refuses unless --yes is given."},
        footer = {"", "Examples:", "  orchestra-inspector purge-expired --dry-run",
                "  orchestra-inspector purge-expired --yes"})
final class PurgeExpiredCommand implements Callable<Integer> {
    static final List<StoreCollection> COLLECTIONS = List.of(StoreCollection.MEMORY_ITEMS, StoreCollection.AGENT_DATA);

    private final CliContext context;

    @Option(names = {"-y", "--yes"}, description = "do not ask for confirmation")
    boolean yes;

    @Option(names = "--dry-run", description = "only count what would be purged")
    boolean dryRun;

    @Option(names = "--progress", description = "show the progress bar even when stderr is not a terminal")
    boolean forceProgress;

    @Mixin
    WriteAccess writeAccess = new WriteAccess();

    PurgeExpiredCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        DocumentFilter expired = DocumentFilter.none().withRawFilter(new BsonDocument("expiration",
                new BsonDocument("$lt", new BsonDateTime(Instant.now().toEpochMilli()))));
        try (OpenStore store = OpenStore.open(context)) {
            SafeStorage safe = dryRun ? store.safe() : store.writable(writeAccess, "purge-expired");
            SafeOperations operations = safe.operations();
            long total = 0;
            boolean exact = true;
            for (StoreCollection collection : COLLECTIONS) {
                DeletePreview preview = operations.previewDelete(collection, expired, 1);
                context.out().printf("%s: %s expired%n", collection.collectionName(), preview.count().display());
                total += preview.count().value();
                exact &= preview.count().exact();
            }
            context.out().flush();
            if (dryRun || total == 0) {
                context.out().println(total == 0 ? "Nothing to purge." : "Dry run: nothing deleted.");
                context.out().flush();
                return ExitCodes.OK;
            }
            String phrase = total > DeletePreview.TYPED_CONFIRMATION_ABOVE || !exact ? Long.toString(total) : "yes";
            if (!yes && !new Confirmation(context).confirm("purge " + total + " expired documents", phrase)) {
                context.err().println("Not confirmed: nothing deleted.");
                return ExitCodes.FAILED;
            }
            ProgressBar bar = new ProgressBar(context.err(), forceProgress || context.terminal().stderrIsTerminal());
            CacheCleanup cleanup = CacheCleanup.watch(safe.manager());
            for (StoreCollection collection : COLLECTIONS) {
                DeleteResult result = operations.deleteMatching(collection, expired,
                        SafeOperations.DEFAULT_BATCH_SIZE, bar.bulk("Purging"));
                bar.finishLine();
                context.out().printf("Purged %d expired documents from %s%s%n", result.deleted(),
                        collection.collectionName(), result.undoable() ? " (undo token: " + result.batchId() + ")" : "");
            }
            context.out().flush();
            return cleanup.finish(context, ExitCodes.OK);
        }
    }
}
