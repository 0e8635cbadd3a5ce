package dev.orchestra.cli;

import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.CollectionRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "The newest documents of a collection matching the filters, as a table (embeddings left out).",
        footer = {"", "Examples:",
                "  orchestra-inspector list memory_items --user alice --session s1 --limit 5",
                "  orchestra-inspector list agent_data --data-type plan --json"})
final class ListCommand implements Callable<Integer> {
    static final int MAX_LIMIT = 10_000;

    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "COLLECTION", converter = Converters.Collection.class,
            description = "memory_items, agent_data, user_sessions, inspector_trash or inspector_audit")
    CollectionRef collection;

    @Mixin
    FilterOptions filters = new FilterOptions();

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "20",
            description = "at most N documents, newest first (1..10000, default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--json", description = "one relaxed Extended JSON document per line instead of a table")
    boolean json;

    ListCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(), "--limit must be between 1 and " + MAX_LIMIT
                    + ", was " + limit);
        }
        DocumentFilter filter = filters.toFilter();
        List<BsonDocument> rows = new ArrayList<>();
        boolean more;
        try (OpenStore store = OpenStore.open(context)) {
            PageCursor after = null;
            do {
                int size = Math.min(PageRequest.MAX_SIZE, limit - rows.size());
                Page<BsonDocument> page = store.manager().findPage(collection, filter, new PageRequest(size, after));
                rows.addAll(page.items());
                after = page.next();
                more = page.hasMore();
            } while (more && rows.size() < limit && after != null);
        }
        if (json) {
            JsonWriterSettings relaxed = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
            rows.forEach(row -> context.out().println(row.toJson(relaxed)));
            context.out().flush();
        } else {
            DocumentTable.printDocuments(context.out(), collection, rows);
        }
        if (more) {
            context.err().printf("(showing the newest %d; more match: raise --limit or narrow the filters)%n", limit);
            context.err().flush();
        }
        return ExitCodes.OK;
    }
}
