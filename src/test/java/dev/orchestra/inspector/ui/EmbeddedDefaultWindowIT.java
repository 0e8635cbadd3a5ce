package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static dev.orchestra.inspector.ui.InspectorUi.fxRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.connections.ConnectionStore;
import dev.orchestra.connections.ConnectionTester;
import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.ConnectedWindow;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.WindowSettings;
import dev.orchestra.inspector.sessions.SessionsView;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.inspector.status.Light;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.coherence.CacheFinding;
import dev.orchestra.storage.coherence.CheckProgress;
import dev.orchestra.storage.coherence.CoherenceChecker;
import dev.orchestra.storage.coherence.CoherenceClass;
import dev.orchestra.storage.coherence.CoherenceScope;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.redis.CacheKeyView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The default run with nothing configured, opened as the app opens it ({@link ConnectedWindow}): the embedded store
 * and the embedded Redis it starts. Both lights go green and a sample session's Cache tab lists real cache entries
 * (warmed through the tiered read path once the first page is drawn), fresh.
 */
@ExtendWith(ApplicationExtension.class)
class EmbeddedDefaultWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Path dataDir;
    private ConnectedWindow window;
    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        dataDir = Files.createTempDirectory("embedded-default-");
        StorageConfig config = StorageConfig.fromMap(Map.of("APP_ENV", "development",
                "EMBEDDED_DATA_DIR", dataDir.toString()));
        assertThat(config.startsEmbeddedCache()).isTrue();
        window = new ConnectedWindow(stage, new ConnectionStore(dataDir.resolve("connections.json")), Map.of(),
                () -> config, Optional::empty, (configured, lock, actions, name) -> new AppContext(
                        configured.opener(), configured.description(), lock, Clock.systemDefaultZone(),
                        HealthPoll.PERIOD, WindowSettings.none(), actions, name),
                new ConnectionTester(Duration.ofSeconds(2)), Clock.systemDefaultZone());
        window.start();
        stage.setWidth(1440);
        stage.setHeight(900);
        context = window.current();
    }

    @AfterEach
    void close() {
        fxRun(window::close);
    }

    @AfterAll
    static void deleteData() throws Exception {
        try (var files = Files.walk(dataDir)) {
            files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }

    private static CacheFinding warmedSession(CoherenceChecker checker) {
        return checker.check(CoherenceScope.sample(), CheckProgress.NONE).findings().stream()
                .filter(f -> f.sessionId() != null && f.coherence() == CoherenceClass.FRESH).findFirst().orElse(null);
    }

    @Test
    void bothLightsAreGreenAndAWarmedSessionShowsFreshCachedKeys() {
        await().atMost(WAIT).until(() -> fx(() -> context.statusModel().mongo().lightProperty().get() == Light.GREEN
                && context.statusModel().redis().lightProperty().get() == Light.GREEN));
        assertThat(fx(() -> context.statusModel().redis().textProperty().get())).doesNotContain("off");

        MemoryManager store = fx(() -> context.store().current());
        CoherenceChecker checker = CoherenceChecker.of(store).orElseThrow();
        await().atMost(WAIT).until(() -> warmedSession(checker) != null); // warmed in the background
        CacheFinding warmed = warmedSession(checker);

        InspectorUi.show(context, Section.SESSIONS);
        await().atMost(WAIT).until(() -> fx(() -> context.sessionsModel().sessions().stream()
                .anyMatch(s -> warmed.sessionId().equals(s.sessionId()))));
        SessionsView view = (SessionsView) context.mainView().view(Section.SESSIONS);
        fxRun(() -> {
            SessionSummary session = context.sessionsModel().sessions().stream()
                    .filter(s -> warmed.sessionId().equals(s.sessionId())).findFirst().orElseThrow();
            context.sessionsModel().selectedProperty().set(session);
            view.cacheTab().getTabPane().getSelectionModel().select(view.cacheTab());
        });
        await().atMost(WAIT).until(() -> fx(() -> context.sessionsModel().cache().keys().stream()
                .filter(k -> k.kind() == CacheKeyView.Kind.OURS).count()) >= 2);
        assertThat(fx(() -> context.sessionsModel().cache().keys().stream()
                .filter(k -> k.kind() == CacheKeyView.Kind.OURS).map(k -> context.sessionsModel().cache().coherence(k))
                .toList())).isNotEmpty().allMatch("fresh"::equals);
    }
}
