package dev.orchestra.inspector.ui;

import static dev.orchestra.inspector.ui.InspectorUi.fx;
import static dev.orchestra.inspector.ui.InspectorUi.fxRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.orchestra.inspector.AppContext;
import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.sessions.SessionsView;
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
import java.time.Duration;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The default run with nothing configured: the embedded store and the embedded Redis it starts. Both lights go
 * green and a sample session's Cache tab lists real cache entries (warmed through the tiered read path), fresh.
 */
@ExtendWith(ApplicationExtension.class)
class EmbeddedDefaultWindowIT {
    static {
        InspectorUi.configureHeadlessScreen();
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static Path dataDir;
    private AppContext context;

    @Start
    void start(Stage stage) throws Exception {
        dataDir = Files.createTempDirectory("embedded-default-");
        StorageConfig config = StorageConfig.fromMap(Map.of("APP_ENV", "development",
                "EMBEDDED_DATA_DIR", dataDir.toString()));
        assertThat(config.startsEmbeddedCache()).isTrue();
        context = InspectorUi.open(stage, config);
    }

    @AfterEach
    void close() {
        fxRun(context::close);
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
