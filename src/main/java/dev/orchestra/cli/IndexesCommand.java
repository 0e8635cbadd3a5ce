package dev.orchestra.cli;

import dev.orchestra.storage.indexes.CollectionIndexes;
import dev.orchestra.storage.indexes.ExpirationTtlPreview;
import dev.orchestra.storage.indexes.IndexCreation;
import dev.orchestra.storage.indexes.IndexReport;
import dev.orchestra.storage.indexes.IndexRow;
import dev.orchestra.storage.indexes.IndexService;
import dev.orchestra.storage.indexes.IndexStatus;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.mongo.IndexBootstrap;
import dev.orchestra.storage.mongo.IndexBootstrap.IndexSpec;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "indexes", mixinStandardHelpOptions = true,
        description = {"Lists, per collection, the indexes that exist (name, keys, options, size where the server "
                + "reports it) next to the recommended ones, marking each PRESENT, MISSING, CONFLICTING or EXTRA "
                + "(the database's own). Listing writes nothing.",
                "Creating is a write: refused while read-only (APP_ENV=production: add --allow-writes), confirmed, "
                        + "audited. A TTL index on 'expiration' is never recommended: --create-expiration-ttl says "
                        + "how many documents MongoDB would then delete by itself, without trash or audit."},
        footer = {"", "Exit codes: 0 done (--check: every recommended index exists), 1 failed (--check: some are "
                + "missing or conflicting), 2 bad arguments.",
                "", "Examples:", "  orchestra-inspector indexes", "  orchestra-inspector indexes --check",
                "  orchestra-inspector indexes --create memory_items.user_session_time",
                "  orchestra-inspector indexes --create-recommended --allow-writes",
                "  orchestra-inspector indexes --create-expiration-ttl memory_items"})
final class IndexesCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "the report as JSON")
    boolean json;

    @Option(names = "--check", description = "exit 0 when every recommended index exists, 1 otherwise")
    boolean check;

    @Option(names = "--create", arity = "1..*", paramLabel = "NAME",
            description = "create these recommended indexes: collection.name, or a name for every collection "
                    + "recommending it")
    List<String> create;

    @Option(names = "--create-recommended", description = "create every missing recommended index")
    boolean createRecommended;

    @Option(names = "--create-expiration-ttl", paramLabel = "COLLECTION", converter = Converters.Collection.class,
            description = "create the TTL index on 'expiration' of memory_items or agent_data (MongoDB then deletes "
                    + "expired documents itself, without trash or audit)")
    CollectionRef expirationTtl;

    @Option(names = {"-y", "--yes"}, description = "do not ask for confirmation")
    boolean yes;

    @Mixin
    WriteAccess writeAccess = new WriteAccess();

    IndexesCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        int actions = (create != null ? 1 : 0) + (createRecommended ? 1 : 0) + (expirationTtl != null ? 1 : 0);
        if (actions > 1 || actions == 1 && (check || json)) {
            throw new ParameterException(spec.commandLine(), "--create, --create-recommended and "
                    + "--create-expiration-ttl exclude each other and --check/--json");
        }
        try (OpenStore store = OpenStore.open(context)) {
            if (actions == 0) {
                IndexReport report = IndexService.of(store.safe(), Clock.systemUTC()).report();
                return list(report);
            }
            IndexService service = IndexService.of(store.writable(writeAccess, "create indexes"), Clock.systemUTC());
            if (expirationTtl != null) {
                return createExpirationTtl(service);
            }
            return createRecommended(service, createRecommended ? null : service.recommended(create));
        }
    }

    private int list(IndexReport report) {
        if (json) {
            context.out().println(IndexReportJson.toJson(report));
        } else if (!report.applicable()) {
            context.out().println("This store has no indexes (in-memory): nothing to list.");
        } else {
            DocumentTable.print(context.out(), List.of("collection", "name", "keys", "options", "size", "status",
                    "note"), report.rows().stream().map(IndexesCommand::cells).toList());
            List<IndexRow> notPresent = report.recommendedNotPresent();
            context.out().println(notPresent.isEmpty() ? "All recommended indexes exist."
                    : notPresent.size() + " recommended index(es) missing or conflicting: " + String.join(", ",
                    notPresent.stream().map(IndexRow::qualifiedName).toList()));
        }
        context.out().flush();
        return !check || report.allRecommendedPresent() ? ExitCodes.OK : ExitCodes.FAILED;
    }

    private static List<String> cells(IndexRow row) {
        return List.of(row.collection().collectionName(), row.name(), row.keys().toJson(),
                row.options().isEmpty() ? "" : row.options().toJson(),
                row.sizeBytes().isPresent() ? row.sizeBytes().getAsLong() + " B" : "—",
                row.status().name(), row.note());
    }

    /** @param specs null for every recommended index */
    private int createRecommended(IndexService service, List<IndexSpec> specs) {
        IndexReport report = service.report();
        List<String> wanted = specs == null ? null : specs.stream()
                .map(s -> s.collection().collectionName() + "." + s.name()).toList();
        List<IndexRow> toBuild = report.rows().stream().filter(r -> r.recommended()
                && r.status() == IndexStatus.MISSING && (wanted == null || wanted.contains(r.qualifiedName())))
                .toList();
        for (IndexRow row : toBuild) {
            long documents = report.collection(row.collection()).map(CollectionIndexes::documentCount).orElse(0L);
            context.out().printf("Will create %s %s%s: builds over %d document(s)%n", row.qualifiedName(),
                    row.keys().toJson(), row.options().isEmpty() ? "" : " " + row.options().toJson(), documents);
        }
        if (!toBuild.isEmpty()) {
            context.out().println("On a large collection an index build loads the server while it runs.");
            context.out().flush();
            if (!yes && !new Confirmation(context).confirm("create " + toBuild.size() + " index(es)", "yes")) {
                context.err().println("Not confirmed: nothing created.");
                return ExitCodes.FAILED;
            }
        }
        // all of them, not only those confirmed: the present ones are skipped, the conflicting ones reported
        IndexCreation creation = service.create(specs == null ? IndexBootstrap.recommended() : specs);
        return printCreation(creation);
    }

    private int createExpirationTtl(IndexService service) {
        ExpirationTtlPreview preview = service.previewExpirationTtl(expirationTtl);
        if (preview.status() == IndexStatus.PRESENT) {
            context.out().println(expirationTtl.collectionName() + "." + preview.indexName() + " already exists.");
            context.out().flush();
            return ExitCodes.OK;
        }
        context.out().println(preview.consequence());
        context.out().printf("The build goes over %d document(s).%n", preview.documentCount());
        context.out().flush();
        String phrase = expirationTtl.collectionName();
        if (!yes && !new Confirmation(context).confirm("create the TTL index on " + phrase + ".expiration", phrase)) {
            context.err().println("Not confirmed: nothing created.");
            return ExitCodes.FAILED;
        }
        return printCreation(service.createExpirationTtl(expirationTtl));
    }

    private int printCreation(IndexCreation creation) {
        creation.created().forEach(r -> context.out().println("Created " + r.qualifiedName() + " "
                + r.keys().toJson() + " (audited)"));
        creation.skipped().forEach(name -> context.out().println("Already present: " + name));
        if (creation.created().isEmpty() && creation.skipped().isEmpty() && creation.problems().isEmpty()) {
            context.out().println("Nothing to create.");
        }
        context.out().flush();
        creation.problems().forEach(p -> context.err().println(context.redact(p)));
        context.err().flush();
        return creation.complete() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
