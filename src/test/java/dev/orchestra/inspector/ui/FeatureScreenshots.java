package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static dev.orchestra.inspector.ui.InspectorUi.fxRun;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.StoreDescription;
import dev.orchestra.inspector.memory.MemoryItemsView;
import dev.orchestra.inspector.sessions.SessionsView;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.MemoryManagerFactory;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.testsupport.MongoTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import javafx.application.Platform;
import javafx.scene.control.ScrollPane;
import javafx.stage.Stage;
import org.bson.Document;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Makes the README's pictures of Similar items and Follow in the real window (GTK, not Monocle): run it under an X
 * server, e.g. {@code Xvfb :95 -screen 0 1440x900x24 &} then
 * {@code DISPLAY=:95 java -cp target/test-classes:target/classes:<test classpath>
 * dev.orchestra.inspector.ui.FeatureScreenshots assets}. It opens the app on mongo-java-server with
 * {@link RecallData}, brings each feature on screen and grabs the whole screen with ImageMagick's
 * {@code import -window root}.
 */
final class FeatureScreenshots {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private FeatureScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        Files.createDirectories(out);
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        try (MongoTestServer mongo = MongoTestServer.start();
             MongoClient rawClient = MongoClients.create(mongo.connectionString())) {
            String database = "orchestra";
            StorageConfig config = InspectorUi.config(mongo.connectionString(), database, Map.of("REDIS_HOST", ""));
            MongoCollection<Document> raw = rawClient.getDatabase(database)
                    .getCollection(StoreCollection.MEMORY_ITEMS.collectionName());
            RecallData.seed(raw);
            AppContext context = fx(() -> {
                AppContext c = new AppContext(() -> MemoryManagerFactory.create(config), StoreDescription.of(config),
                        Clock.systemDefaultZone(), HealthPoll.PERIOD);
                Stage stage = new Stage();
                c.show(stage);
                stage.setX(0);
                stage.setY(0);
                stage.setWidth(1440);
                stage.setHeight(900);
                return c;
            });
            await().atMost(WAIT).until(() -> fx(() -> context.store().isConnected()));
            similarItems(context, out.resolve("screenshot-similar-items.png"));
            liveTail(context, raw, out.resolve("screenshot-live-tail.png"));
            fxRun(context::close);
        } finally {
            Platform.exit();
        }
    }

    private static void similarItems(AppContext context, Path file) throws Exception {
        InspectorUi.show(context, Section.MEMORY);
        fxRun(() -> {
            context.memoryModel().userField().textProperty().set(RecallData.USER);
            context.memoryModel().applyFilter();
        });
        await().atMost(WAIT).until(() -> fx(() -> context.memoryModel().rows().size()) >= 50);
        MemoryItemsView view = (MemoryItemsView) fx(() -> context.mainView().view(Section.MEMORY));
        // A travel fact of the latest round (on the first page): what would Orchestra recall for it?
        fxRun(() -> context.memoryModel().rows().stream()
                .filter(r -> String.valueOf(r.document().get("text_content")).contains("Lisbon flight"))
                .findFirst().ifPresent(r -> {
                    view.root().table().getSelectionModel().select(r);
                    view.root().table().scrollTo(Math.max(0, view.root().table().getItems().indexOf(r) - 8));
                }));
        await().atMost(WAIT).until(() -> fx(() -> context.memoryModel().detail().documentProperty().get() != null
                && context.memoryModel().detail().documentProperty().get().containsKey("embedding")));
        fxRun(() -> view.detailView().tabs().getTabs().stream().filter(t -> "similarTab".equals(t.getId()))
                .findFirst().ifPresent(t -> t.getTabPane().getSelectionModel().select(t)));
        await().atMost(WAIT).until(() -> fx(() -> context.similarItemsModel().results().size()) == 10);
        fxRun(() -> context.similarItemsModel().vectorTextProperty().set("[0.12, -0.5, NaN]"));
        grab(file);
    }

    private static void liveTail(AppContext context, MongoCollection<Document> raw, Path file) throws Exception {
        InspectorUi.show(context, Section.SESSIONS);
        fxRun(() -> context.sessionsModel().openSession(RecallData.USER, RecallData.LIVE_SESSION));
        await().atMost(WAIT).until(() -> fx(() -> context.sessionsModel().transcript().messages().size()) == 10);
        fxRun(() -> context.sessionsModel().follow().followingProperty().set(true));
        await().atMost(WAIT).until(() -> fx(() -> context.sessionsModel().follow().statusProperty().get())
                .startsWith("Following ·"));
        String[][] lines = {{"user", "Yes, please book June 12 to 16."},
            {"assistant", "Booked: Alfama Patio, June 12 to 16, breakfast included. Confirmation AP-4471."}};
        for (int i = 0; i < lines.length; i++) {
            raw.insertOne(RecallData.item("shot-" + i, RecallData.LIVE_SESSION, "travel_agent", "conversation",
                    lines[i][1], Instant.now(), lines[i][0]));
            int expected = 11 + i;
            await().atMost(WAIT).until(() -> fx(() -> context.sessionsModel().transcript().messages().size())
                    == expected);
        }
        SessionsView view = (SessionsView) fx(() -> context.mainView().view(Section.SESSIONS));
        fxRun(() -> ((ScrollPane) view.root().lookup(".transcript-scroll")).setVvalue(1.0));
        grab(file);
        fxRun(() -> context.sessionsModel().follow().followingProperty().set(false));
    }

    private static void grab(Path file) throws Exception {
        WaitForAsyncUtils.waitForFxEvents(30);
        Process p = new ProcessBuilder("import", "-window", "root", file.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("import failed for " + file);
        }
        System.out.println("wrote " + file);
    }
}
