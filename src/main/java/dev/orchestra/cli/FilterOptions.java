package dev.orchestra.cli;

import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.validation.QueryOperatorGuard;
import java.time.Instant;
import org.bson.BsonDocument;
import picocli.CommandLine.Option;

/** The inspector's filters as options; each applies only to the collections that have the field. */
final class FilterOptions {
    @Option(names = "--user", paramLabel = "USER_ID", description = "user_id equals")
    String userId;

    @Option(names = "--session", paramLabel = "SESSION_ID", description = "session_id equals")
    String sessionId;

    @Option(names = "--type", paramLabel = "ITEM_TYPE", description = "item_type equals (memory_items)")
    String itemType;

    @Option(names = "--agent", paramLabel = "AGENT_ID", description = "agent_id equals (agent_data)")
    String agentId;

    @Option(names = "--data-type", paramLabel = "DATA_TYPE", description = "data_type equals (agent_data)")
    String dataType;

    @Option(names = "--from", paramLabel = "TIME", converter = Converters.FromTime.class,
            description = "time field >= TIME (e.g. 2024-05-01, 2024-05-01T12:00:00Z, or 2h / 7d ago; UTC when no"
                    + " offset)")
    Instant from;

    @Option(names = "--to", paramLabel = "TIME", converter = Converters.ToTime.class,
            description = "time field < TIME; a bare date includes that whole day")
    Instant to;

    @Option(names = "--text", paramLabel = "TEXT",
            description = "text_content (or a string content) contains TEXT, case-insensitive, literally")
    String textContains;

    // a String: picocli would treat a BsonDocument (a Map) as KEY=VALUE pairs
    @Option(names = "--filter", paramLabel = "JSON",
            description = "an extra MongoDB filter, e.g. '{\"metadata.role\": \"tool\"}' ($where and the like are refused)")
    String rawFilter;

    DocumentFilter toFilter() {
        BsonDocument raw = rawFilter == null ? null : Converters.parseFilter(rawFilter);
        QueryOperatorGuard.check(raw); // before connecting: a refused filter is a usage error
        return new DocumentFilter(userId, sessionId, itemType, agentId, dataType, from, to, textContains, raw);
    }
}
