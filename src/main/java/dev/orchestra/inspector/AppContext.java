package dev.orchestra.inspector;

import dev.orchestra.connections.ssh.HostKeyPrompt;
import dev.orchestra.inspector.agents.AgentDataView;
import dev.orchestra.inspector.agents.AgentDataViewModel;
import dev.orchestra.inspector.app.EditingFeature;
import dev.orchestra.inspector.coherence.CoherenceViewModel;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.FeatureView;
import dev.orchestra.inspector.common.FxBackgroundRunner;
import dev.orchestra.inspector.common.FxDialogService;
import dev.orchestra.inspector.common.HostKeyQuestion;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.Navigator;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.SecretMasker;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.common.ViewLoader;
import dev.orchestra.inspector.detail.DocumentDetailViewModel;
import dev.orchestra.inspector.detail.SimilarItemsView;
import dev.orchestra.inspector.detail.SimilarItemsViewModel;
import dev.orchestra.inspector.documents.DocumentTableFeature;
import dev.orchestra.inspector.health.HealthView;
import dev.orchestra.inspector.health.HealthViewModel;
import dev.orchestra.inspector.indexes.IndexesView;
import dev.orchestra.inspector.indexes.IndexesViewModel;
import dev.orchestra.inspector.keys.KeysViewModel;
import dev.orchestra.inspector.memory.MemoryItemsView;
import dev.orchestra.inspector.memory.MemoryItemsViewModel;
import dev.orchestra.inspector.sessions.SessionsView;
import dev.orchestra.inspector.sessions.SessionsViewModel;
import dev.orchestra.inspector.sessions.TranscriptViewModel;
import dev.orchestra.inspector.status.StatusBarView;
import dev.orchestra.inspector.status.StatusBarViewModel;
import dev.orchestra.inspector.transfer.TransferFeature;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.safety.WriteLock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.util.Callback;

/**
 * Builds the whole app with constructors (no framework) and is the FXMLLoader's controller factory. One instance
 * per window; {@link #close()} stops every thread it started.
 */
public final class AppContext implements Callback<Class<?>, Object>, Navigator, AutoCloseable {
    private final Messages messages = Messages.load();
    private final Clock clock;
    private final BackgroundRunner runner;
    private final FxDialogService dialogs = new FxDialogService();
    private final SecretDisplay secrets = new SecretDisplay(new SecretMasker());
    private final StoreConnection store;
    private final ViewLoader viewLoader;
    private final MainViewModel mainModel;
    private final MemoryItemsViewModel memoryModel;
    private final AgentDataViewModel agentModel;
    private final SimilarItemsViewModel similarModel;
    private final TranscriptViewModel transcriptModel;
    private final SessionsViewModel sessionsModel;
    private final HealthFeature health;
    private final IndexesViewModel indexesModel;
    private final CacheFeatures cache;
    private final EditingFeature editing;
    private final TransferFeature transfer;
    private final WindowPlacement placement;
    private final HostKeyQuestion hostKeyQuestion;
    private MainView mainView;

    public AppContext(StoreConnection.Opener opener, StoreDescription description, Clock clock,
                      Duration healthPeriod) {
        this(opener, description, description.production() ? WriteLock.locked("APP_ENV=production")
                : WriteLock.unlocked(), clock, healthPeriod, WindowSettings.none(), ConnectionActions.NONE, null);
    }

    /**
     * @param writeLock      whether writes start locked (read-only); the edit feature wraps the store with it
     * @param windowSettings where the window's size, position and theme are remembered between runs
     * @param connections    Connect… and the title bar's database picker
     * @param connectionName the saved connection this window shows, or null for the environment's configuration
     */
    public AppContext(StoreConnection.Opener opener, StoreDescription description, WriteLock writeLock, Clock clock,
                      Duration healthPeriod, WindowSettings windowSettings, ConnectionActions connections,
                      String connectionName) {
        this.clock = clock;
        this.runner = new FxBackgroundRunner(4, 256);
        this.hostKeyQuestion = new HostKeyQuestion(runner, dialogs, messages);
        this.viewLoader = new ViewLoader(messages, this);
        // Every store is wrapped (write gate, trash, audit) before anything uses it, so no write can bypass them.
        this.editing = new EditingFeature(runner, writeLock, dialogs, viewLoader, secrets, clock);
        this.store = new StoreConnection(runner, editing.wrap(opener));
        this.mainModel = new MainViewModel(description, store, runner, connections, connectionName);
        this.placement = new WindowPlacement(windowSettings, mainModel.darkThemeProperty());
        this.memoryModel = new MemoryItemsViewModel(runner, store, secrets, newDetailModel(), this, clock);
        this.similarModel = new SimilarItemsViewModel(runner, store, memoryModel.detail(),
                (collection, id, preview) -> memoryModel.select(id, preview));
        this.agentModel = new AgentDataViewModel(runner, store, secrets, newDetailModel(), clock);
        this.transcriptModel = new TranscriptViewModel(runner, store, secrets);
        this.sessionsModel = new SessionsViewModel(runner, store, transcriptModel, this);
        // built lazily and hidden at launch: they query when first shown, not while the first page loads
        agentModel.setShowing(false);
        sessionsModel.setShowing(false);
        this.health = new HealthFeature(runner, store, description.target(), clock, healthPeriod);
        this.transfer = new TransferFeature(runner, store, editing.storage(), this::activeFilter, () -> {
            memoryModel.refresh();
            agentModel.refresh();
        }, viewLoader, messages);
        this.indexesModel = new IndexesViewModel(runner, editing.storage(), dialogs, messages, clock);
        this.cache = new CacheFeatures(runner, store, editing.storage(), dialogs, messages, viewLoader,
                this::newDetailModel);
    }

    /** Asks the user, in a dialog, about an SSH bastion key seen for the first time (from the opening thread). */
    public HostKeyPrompt hostKeyQuestion() {
        return hostKeyQuestion;
    }

    private DocumentDetailViewModel newDetailModel() {
        return new DocumentDetailViewModel(runner, store, secrets, dialogs);
    }

    /** The filter the app's view of {@code collection} shows now (for File → Export…). */
    private DocumentFilter activeFilter(CollectionRef collection) {
        if (collection == StoreCollection.MEMORY_ITEMS) {
            return memoryModel.activeFilter();
        }
        return collection == StoreCollection.AGENT_DATA ? agentModel.activeFilter() : DocumentFilter.none();
    }

    /** The collection the showing view lists (Export and Import preselect it; memory items for views of none). */
    private CollectionRef shownCollection() {
        CollectionRef listed = Sections.of(mainModel.sectionProperty().get()).collection();
        return listed != null ? listed : StoreCollection.MEMORY_ITEMS;
    }

    @Override
    public Object call(Class<?> type) {
        if (type == MainView.class) {
            mainView = new MainView(mainModel, viewLoader, messages, secrets, this::installFeatureActions);
            return mainView;
        }
        if (type == MemoryItemsView.class) {
            return new MemoryItemsView(memoryModel, viewLoader, messages, store);
        }
        if (type == AgentDataView.class) {
            return new AgentDataView(agentModel, viewLoader, messages, store);
        }
        if (type == SessionsView.class) {
            return new SessionsView(sessionsModel, messages, store);
        }
        if (type == HealthView.class) {
            return new HealthView(health.healthModel(), messages);
        }
        if (type == IndexesView.class) {
            return new IndexesView(indexesModel, messages);
        }
        if (type == StatusBarView.class) {
            return new StatusBarView(health.statusModel());
        }
        Object featureController = cache.controllerFor(type);
        if (featureController == null) {
            featureController = editing.controllerFor(type);
        }
        if (featureController != null) {
            return featureController;
        }
        throw new IllegalArgumentException("No controller known for " + type.getName());
    }

    /** Starts opening the store in the background, then builds the main window into {@code stage} and shows it. */
    public Scene show(Stage stage) {
        store.connect(); // first: the store opens in the background while the window is being built
        ViewLoader.Loaded<MainView> main = viewLoader.load(AppContext.class, "Main.fxml");
        Scene scene = new Scene(main.root());
        scene.getStylesheets().add(AppContext.class.getResource("theme.css").toExternalForm());
        editing.installBanner(viewLoader, (Pane) mainView.root().getTop());
        stage.titleProperty().bind(mainModel.titleProperty());
        WindowIcon.addWhenLoaded(stage);
        stage.setScene(scene);
        placement.place(stage);
        dialogs.setOwner(stage);
        editing.setOwner(stage);
        transfer.setOwner(stage);
        mainView.installTransfer(() -> transfer.openExport(shownCollection()),
                () -> transfer.openImport(shownCollection()));
        stage.show();
        return scene;
    }

    /** Edit/delete actions, added to each feature view when the main window first builds it. */
    private void installFeatureActions(MainViewModel.Section section, FeatureView view) {
        if (view instanceof DocumentTableFeature documents) {
            editing.installDocumentActions(documents.root());
            if (section == MainViewModel.Section.MEMORY) {
                documents.root().whenDetailBuilt(detail -> SimilarItemsView.installIn(detail, similarModel, viewLoader,
                        messages));
            }
        } else if (view instanceof SessionsView sessionsView) {
            editing.installSessionDelete(sessionsModel, sessionsView.root());
            editing.installSessionRecordActions(sessionsModel, sessionsView.root());
        }
    }

    @Override
    public void showConversation(String userId, String sessionId) {
        mainModel.sectionProperty().set(MainViewModel.Section.SESSIONS);
        sessionsModel.openSession(userId, sessionId);
    }

    @Override
    public void showMemoryItems(String userId, String sessionId) {
        mainModel.sectionProperty().set(MainViewModel.Section.MEMORY);
        memoryModel.showSession(userId, sessionId);
    }

    /** Asked before switching the connection: see {@link EditingFeature#mayLeaveUnsavedEdits()}. */
    public boolean mayLeaveUnsavedEdits() {
        return editing.mayLeaveUnsavedEdits();
    }

    /** Remembers the window for the next run, closes its editor windows, then stops every thread it started. */
    @Override
    public void close() {
        stopWindow();
        store.close();
    }

    /** As {@link #close()}, but the store closes on its own thread: a switch never waits on a hung server. */
    public void closeWithoutWaiting() {
        stopWindow();
        store.closeInBackground();
    }

    private void stopWindow() {
        placement.remember();
        List.copyOf(editing.openedWindows()).forEach(Stage::close);
        if (mainView != null) {
            mainView.stop();
        }
        health.close();
        runner.close();
    }

    public MainViewModel mainModel() {
        return mainModel;
    }

    public MainView mainView() {
        return mainView;
    }

    public StoreConnection store() {
        return store;
    }

    public BackgroundRunner runner() {
        return runner;
    }

    public MemoryItemsViewModel memoryModel() {
        return memoryModel;
    }

    /** The Similar tab of the memory items' detail pane. */
    public SimilarItemsViewModel similarItemsModel() {
        return similarModel;
    }

    public AgentDataViewModel agentModel() {
        return agentModel;
    }

    public SessionsViewModel sessionsModel() {
        return sessionsModel;
    }

    public StatusBarViewModel statusModel() {
        return health.statusModel();
    }

    public HealthViewModel healthModel() {
        return health.healthModel();
    }

    public IndexesViewModel indexesModel() {
        return indexesModel;
    }

    public CoherenceViewModel coherenceModel() {
        return cache.coherenceModel();
    }

    public KeysViewModel keysModel() {
        return cache.keysModel();
    }

    public SecretDisplay secrets() {
        return secrets;
    }

    public Messages messages() {
        return messages;
    }

    public Clock clock() {
        return clock;
    }

    public TransferFeature transfer() {
        return transfer;
    }

    public EditingFeature editing() {
        return editing;
    }
}
