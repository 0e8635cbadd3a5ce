package dev.orchestra.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.orchestra.storage.schema.Fields;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.bson.BsonDocument;
import org.bson.BsonInt32;

/**
 * The floor's pulse gaps under the inspector's background load: the {@link FloorApp} window in this JVM, watched by
 * the same {@link PulseMonitor}, while another thread keeps the MongoDB-wire server (its own process) sorting the
 * whole collection for a page of 500, as the inspector's paging makes it do.
 */
final class FloorPulses {
    private FloorPulses() {
    }

    /** The gaps over {@code duration}; also the number of sorted pages the server answered meanwhile. */
    record Measured(Samples gaps, int pages, PulseWork.Summary work) {
    }

    static Measured measure(String directUri, String database, Duration duration) throws InterruptedException {
        PulseMonitor monitor = new PulseMonitor();
        Stage stage = GuiBenchmarkMain.fx(() -> {
            Stage s = new Stage();
            new FloorApp().show(s);
            return s;
        });
        PulseWork work = GuiBenchmarkMain.fx(() -> PulseWork.watch(stage.getScene()));
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger pages = new AtomicInteger();
        Thread load = new Thread(() -> {
            try (MongoClient client = MongoClients.create(directUri)) {
                MongoCollection<BsonDocument> items = client.getDatabase(database)
                        .getCollection("memory_items", BsonDocument.class);
                while (loading.get()) {
                    items.find().sort(new BsonDocument(Fields.TIMESTAMP, new BsonInt32(-1))
                                    .append(Fields.ID, new BsonInt32(-1)))
                            .projection(new BsonDocument("embedding", new BsonInt32(0)))
                            .limit(500).into(new ArrayList<>());
                    pages.incrementAndGet();
                }
            }
        }, "floor-background-load");
        load.setDaemon(true);
        load.start();
        GuiBenchmarkMain.fx(() -> {
            monitor.start();
            work.reset();
            return null;
        });
        Thread.sleep(duration.toMillis()); // the measured interval, not synchronisation
        Samples gaps = GuiBenchmarkMain.fx(monitor::takeGaps);
        PulseWork.Summary done = GuiBenchmarkMain.fx(work::take);
        GuiBenchmarkMain.fx(() -> {
            monitor.stop();
            stage.close();
            return null;
        });
        loading.set(false);
        load.join(Duration.ofMinutes(2).toMillis());
        return new Measured(gaps, pages.get(), done);
    }
}
