package dev.orchestra.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.storage.schema.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

/**
 * What opening each view costs at the benchmark's collection size, counted on the wire ({@link MongoWireTap}): the
 * commands sent, the documents the replies return and their bytes, and the time from the switch to the last reply
 * (the view has gone quiet for {@value #QUIET_MILLIS} ms). Also the Sessions view's explicit scan, and — as the
 * "before" — the query the Sessions view ran on every open until it was bounded (a {@code $group} over every item
 * that has a session), run directly against the server.
 */
final class ViewOpenBenchmark {
    private static final long QUIET_MILLIS = 1_500;
    private static final String SERVER = "mongo-java-server 1.47.0 memory backend (separate JVM) via FaultProxy";

    private final AppContext context;
    private final MongoWireTap tap;
    private final List<Result> results = new ArrayList<>();

    private ViewOpenBenchmark(AppContext context, MongoWireTap tap) {
        this.context = context;
        this.tap = tap;
    }

    /** Call with the window showing its first page and nothing running; leaves it on the memory items view. */
    static List<Result> measure(AppContext context, MongoWireTap tap, String directUri, String database, int items) {
        ViewOpenBenchmark bench = new ViewOpenBenchmark(context, tap);
        for (Section section : List.of(Section.AGENTS, Section.SESSIONS, Section.TRASH, Section.AUDIT,
                Section.INDEXES, Section.HEALTH, Section.MEMORY)) {
            bench.open(section, items);
        }
        bench.scan(items);
        bench.before(directUri, database, items);
        return bench.results;
    }

    private void open(Section section, int items) {
        long started = System.nanoTime();
        tap.start();
        GuiBenchmarkMain.fx(() -> {
            context.mainModel().sectionProperty().set(section);
            // these three load when the store connects, before they are shown: their open is a reload
            switch (section) {
                case MEMORY -> context.memoryModel().refresh();
                case AGENTS -> context.agentModel().refresh();
                case SESSIONS -> context.sessionsModel().load();
                default -> { } // the others load when shown
            }
            return null;
        });
        // the views with a loading state are waited for; the others until the wire has been quiet a while
        switch (section) {
            case MEMORY -> awaitLoaded(() -> context.memoryModel().loadingProperty().get());
            case AGENTS -> awaitLoaded(() -> context.agentModel().loadingProperty().get());
            case SESSIONS -> awaitLoaded(() -> context.sessionsModel().loadingProperty().get());
            default -> { }
        }
        awaitQuiet();
        record("open " + section.name().toLowerCase() + switch (section) {
            case MEMORY, AGENTS -> " (first page, reloaded)";
            case SESSIONS -> " (list, reloaded)";
            default -> " (first show)";
        }, started, items);
    }

    private void scan(int items) {
        GuiBenchmarkMain.fx(() -> {
            context.mainModel().sectionProperty().set(Section.SESSIONS);
            return null;
        });
        long started = System.nanoTime();
        tap.start();
        GuiBenchmarkMain.fx(() -> {
            context.sessionsModel().findSessionsWithoutRecord();
            return null;
        });
        GuiBenchmarkMain.waitUntil(600, () -> GuiBenchmarkMain.fx(() -> !context.sessionsModel().scanCommand()
                .isRunning()));
        awaitQuiet();
        record("Sessions: \"Find sessions without a record…\" (explicit scan, on request; "
                + GuiBenchmarkMain.fx(() -> context.sessionsModel().summaryProperty().get()) + ")", started, items);
    }

    private void before(String uri, String database, int items) {
        try (MongoClient client = MongoClients.create(uri)) {
            MongoDatabase db = client.getDatabase(database);
            BsonDocument group = new BsonDocument("_id", new BsonDocument("u", new BsonString("$" + Fields.USER_ID))
                    .append("s", new BsonString("$" + Fields.SESSION_ID)))
                    .append("count", new BsonDocument("$sum", new BsonInt32(1)))
                    .append("last", new BsonDocument("$max", new BsonString("$" + Fields.TIMESTAMP)));
            long started = System.nanoTime();
            List<BsonDocument> groups = db.getCollection("memory_items", BsonDocument.class).aggregate(List.of(
                    new BsonDocument("$match", new BsonDocument(Fields.SESSION_ID,
                            new BsonDocument("$type", new BsonString("string")))),
                    new BsonDocument("$group", group),
                    new BsonDocument("$sort", new BsonDocument("last", new BsonInt32(-1))),
                    new BsonDocument("$limit", new BsonInt32(500)))).allowDiskUse(true)
                    .maxTime(10, TimeUnit.MINUTES).into(new ArrayList<>());
            long ms = (System.nanoTime() - started) / 1_000_000;
            results.add(Result.info("view open", String.format("before (main): the Sessions open's item grouping "
                    + "alone, run directly: $group over every item with a session (examines all %,d items), "
                    + "%d groups returned", items, groups.size()), ms + " ms", "mongo-java-server 1.47.0 memory "
                    + "backend (separate JVM), direct"));
        }
    }

    private static void awaitLoaded(BooleanSupplier loading) {
        GuiBenchmarkMain.waitUntil(600, () -> !GuiBenchmarkMain.fx(loading::getAsBoolean));
    }

    /** No reply for {@value #QUIET_MILLIS} ms (a view that polls, like Health, is cut off after a minute). */
    private void awaitQuiet() {
        long end = System.nanoTime() + 60_000_000_000L;
        GuiBenchmarkMain.waitUntil(600, () -> System.nanoTime() > end
                || (System.nanoTime() - tap.lastReplyNanos()) / 1_000_000 > QUIET_MILLIS);
    }

    private void record(String what, long started, int items) {
        long ms = tap.commands() == 0 ? 0 : (tap.lastReplyNanos() - started) / 1_000_000;
        tap.stop();
        results.add(Result.info("view open", String.format("%s at %,d items: %d commands (%s), %,d documents "
                + "returned, %,d reply bytes", what, items, tap.commands(), tap.commandNames(), tap.documents(),
                tap.replyBytes()), Math.max(0, ms) + " ms", SERVER));
    }
}
