package dev.orchestra.cli;

import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.model.RecordlessSessions;
import dev.orchestra.storage.model.SessionSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sessions", mixinStandardHelpOptions = true,
        description = {"Sessions: the most recently updated user_sessions records with their memory items' counts and"
                + " activity, most recent activity first; 'no items' marks a record without items.",
                "--scan also reads every memory item (of USER_ID) for sessions that have items but no record"
                        + " ('items only') and each user's items without a session ('no session')."},
        footer = {"", "Examples:", "  orchestra-inspector sessions alice", "  orchestra-inspector sessions --limit 200",
                "  orchestra-inspector sessions --scan alice"})
final class SessionsCommand implements Callable<Integer> {
    private final CliContext context;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "USER_ID", description = "only this user's (default: all users)")
    String userId;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", defaultValue = "50",
            description = "at most N sessions (1..10000, default ${DEFAULT-VALUE})")
    int limit;

    @Option(names = "--scan", description = "also scan memory_items for sessions without a record and items without"
            + " a session (reads every item; progress on stderr)")
    boolean scan;

    SessionsCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (limit < 1 || limit > ListCommand.MAX_LIMIT) {
            throw new ParameterException(spec.commandLine(), "--limit must be between 1 and " + ListCommand.MAX_LIMIT
                    + ", was " + limit);
        }
        List<SessionSummary> sessions = new ArrayList<>();
        try (OpenStore store = OpenStore.open(context)) {
            sessions.addAll(store.manager().listSessions(userId, limit));
            if (scan) {
                RecordlessSessions found = store.manager().findSessionsWithoutRecord(userId, limit,
                        (done, total) -> {
                            context.err().printf("scanned %,d of ~%,d memory items%n", done, total);
                            context.err().flush();
                            return true;
                        });
                sessions.addAll(found.sessions());
                sessions.sort(Comparator.comparing(SessionSummary::lastActivity,
                        Comparator.nullsLast(Comparator.reverseOrder())));
            }
        }
        DocumentTable.print(context.out(),
                List.of(Fields.USER_ID, Fields.SESSION_ID, "items", "first_activity", "last_activity", "persona",
                        "note"),
                sessions.stream().map(s -> List.of(text(s.userId()), text(s.sessionId()), Long.toString(s.itemCount()),
                        time(s.firstActivity()), time(s.lastActivity()), text(s.personaActive()),
                        s.isNoSession() ? "no session" : s.isOrphanItems() ? "items only"
                                : s.isEmptyRecord() ? "no items" : "")).toList());
        return ExitCodes.OK;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String time(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
