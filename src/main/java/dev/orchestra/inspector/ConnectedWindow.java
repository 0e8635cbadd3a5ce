package dev.orchestra.inspector;

import dev.orchestra.connections.ConnectionStore;
import dev.orchestra.connections.ConnectionTester;
import dev.orchestra.connections.SavedConnection;
import dev.orchestra.connections.ssh.HostKeyPrompt;
import dev.orchestra.connections.ssh.SshSettings;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.FxBackgroundRunner;
import dev.orchestra.inspector.common.FxDialogService;
import dev.orchestra.inspector.common.FxWindows;
import dev.orchestra.inspector.common.HostKeyQuestion;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.ViewLoader;
import dev.orchestra.inspector.connections.ConnectView;
import dev.orchestra.inspector.connections.ConnectViewModel;
import dev.orchestra.inspector.connections.ConnectionEntry;
import dev.orchestra.inspector.connections.ConnectionSwitch;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.factory.BackgroundWork;
import dev.orchestra.storage.safety.WriteLock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The main window and the connection it shows. Switching closes the open {@link AppContext} (its store, threads and
 * connections) and builds a new one for the new configuration into the same stage: no restart. Start-up opens the
 * last used connection unless it is production or needs a password (then it is offered in the Connect dialog);
 * without saved connections the environment's configuration opens, as it always did.
 */
public final class ConnectedWindow implements ConnectionSwitch, AutoCloseable {
    /** Builds the app for one configuration (tests shorten the health period and keep window settings out). */
    @FunctionalInterface
    public interface ContextFactory {
        AppContext create(StoreOpeners.Configured configured, WriteLock writeLock, ConnectionActions actions,
                          String connectionName);
    }

    private final Stage stage;
    private final ConnectionStore connections;
    private final Map<String, String> environment;
    private final Supplier<StorageConfig> environmentConfig;
    private final Supplier<Optional<SshSettings>> environmentSsh;
    private final ContextFactory contexts;
    private final ConnectionTester tester;
    private final Clock clock;
    private final BackgroundRunner dialogRunner = new FxBackgroundRunner(2, 16);
    private final Messages messages = Messages.load();
    private final FxDialogService dialogs = new FxDialogService();
    private final HostKeyQuestion dialogHostKeys;
    private AppContext current;
    private SharedStore shared;
    private StoreDescription connectionDescription = StoreDescription.unknown();
    private StorageConfig currentConfig;
    private Optional<SshSettings> currentSsh = Optional.empty();
    private String currentName;
    private String currentLabel;
    private Stage connectStage;
    private ConnectViewModel connectModel;

    /**
     * @param environmentConfig the configuration from the environment and {@code .env} (the "From environment" entry)
     * @param environmentSsh    its SSH bastion ({@code SSH_*}), or empty
     */
    public ConnectedWindow(Stage stage, ConnectionStore connections, Map<String, String> environment,
                           Supplier<StorageConfig> environmentConfig, Supplier<Optional<SshSettings>> environmentSsh,
                           ContextFactory contexts, ConnectionTester tester, Clock clock) {
        this.stage = stage;
        this.environmentSsh = environmentSsh;
        this.dialogHostKeys = new HostKeyQuestion(dialogRunner, dialogs, messages);
        this.connections = connections;
        this.environment = Map.copyOf(environment);
        this.environmentConfig = environmentConfig;
        this.contexts = contexts;
        this.tester = tester;
        this.clock = clock;
    }

    /** The app as launched: the user's connections file, the process environment, the real store openers. */
    public static ConnectedWindow forApp(Stage stage) {
        return new ConnectedWindow(stage, ConnectionStore.inUserHome(), System.getenv(), StorageConfig::load,
                SshSettings::load, (configured, lock, actions, name) -> new AppContext(configured.opener(), configured.description(),
                        lock, Clock.systemDefaultZone(), HealthPoll.PERIOD, WindowSettings.inUserHome(), actions,
                        name),
                new ConnectionTester(Duration.ofSeconds(5)), Clock.systemDefaultZone());
    }

    /** Opens what start-up should show (see the class comment). */
    public void start() {
        ConnectionStore.Loaded loaded = connections.load();
        Optional<SavedConnection> last = loaded.connections().stream().filter(c -> c.lastUsed() != null)
                .findFirst();
        if (last.isPresent() && !last.get().inProduction() && last.get().missingSecrets().isEmpty()
                && !last.get().ssh().enabled() && openSaved(last.get())) {
            return;
        }
        openEnvironment();
        if (!loaded.connections().isEmpty() || loaded.problem().isPresent()) {
            openConnectDialog();
        }
    }

    private boolean openSaved(SavedConnection connection) {
        try {
            return switchTo(connection.name(), connection.label(), connection.toStorageConfig(environment),
                    connection.ssh().toSettings());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The configuration from the environment and {@code .env}; a bad one still opens the window, with the reason. */
    private void openEnvironment() {
        AtomicReference<AppContext> created = new AtomicReference<>();
        StoreOpeners.Configured configured;
        WriteLock lock;
        BackgroundWork storeWork = BackgroundWork.held();
        try {
            StorageConfig config = environmentConfig.get();
            Optional<SshSettings> ssh = environmentSsh.get();
            configured = StoreOpeners.of(config, ssh, askingIn(created), storeWork);
            lock = WriteLock.forConfig(config);
            currentConfig = config;
            currentSsh = ssh;
        } catch (RuntimeException e) {
            configured = new StoreOpeners.Configured(() -> {
                throw e;
            }, StoreDescription.unknown());
            lock = WriteLock.locked("the configuration could not be read");
            currentConfig = null;
            currentSsh = Optional.empty();
        }
        Scene scene = show(created, contexts.create(share(configured), lock, actions(), null), null, null);
        releaseAfterFirstFrame(scene, storeWork);
    }

    /**
     * The connection's store becomes shared by the contexts of its databases; the previous connection's store is
     * retired first, so it closes on the thread that closes the old context's lease, not on this one.
     */
    private StoreOpeners.Configured share(StoreOpeners.Configured configured) {
        if (shared != null) {
            shared.retire();
        }
        shared = new SharedStore(configured.opener());
        connectionDescription = configured.description();
        return new StoreOpeners.Configured(shared.lease(null), configured.description());
    }

    @Override
    public boolean switchTo(String name, String label, StorageConfig config, Optional<SshSettings> ssh) {
        if (current != null && !current.mayLeaveUnsavedEdits()) {
            return false;
        }
        AtomicReference<AppContext> created = new AtomicReference<>();
        String shownName = name == null || name.equals(ConnectionEntry.FROM_ENVIRONMENT) ? null : name;
        currentConfig = config;
        currentSsh = ssh;
        BackgroundWork storeWork = BackgroundWork.held();
        Scene scene = show(created, contexts.create(share(StoreOpeners.of(config, ssh, askingIn(created), storeWork)),
                WriteLock.forConfig(config), actions(), shownName), shownName, label);
        releaseAfterFirstFrame(scene, storeWork);
        return true;
    }


    /** The opener runs after the window exists: an unknown bastion key is asked in that window's dialog. */
    private static HostKeyPrompt askingIn(AtomicReference<AppContext> context) {
        return (host, fingerprint) -> context.get().hostKeyQuestion().ask(host, fingerprint);
    }

    private Scene show(AtomicReference<AppContext> created, AppContext next, String name, String label) {
        created.set(next);
        if (current != null) {
            current.closeWithoutWaiting();
        }
        current = next;
        currentName = name;
        currentLabel = label;
        return next.show(stage);
    }

    /**
     * The new store's own background work (the embedded cache's warm-up) waits for the window's first page: on a
     * small machine it would compete with it for the CPU (BENCHMARKS.md, "GUI launch: the clock corrected").
     */
    private void releaseAfterFirstFrame(Scene scene, BackgroundWork storeWork) {
        FirstFrame.after(scene, current.store().stateProperty(), storeWork::release);
    }

    private ConnectionActions actions() {
        return new ConnectionActions() {
            @Override
            public void openConnectDialog() {
                ConnectedWindow.this.openConnectDialog();
            }

            @Override
            public void switchDatabase(String database) {
                ConnectedWindow.this.switchDatabase(database);
            }

            @Override
            public List<String> databaseNames() {
                List<String> listed = shared.databaseNames();
                StorageConfig config = currentConfig;
                return !listed.isEmpty() || config == null || currentSsh.isPresent() ? listed
                        : tester.databaseNames(config);
            }
        };
    }

    /**
     * Another database of the open connection: a new context on the same store (no new MongoDB client, Redis
     * connection or tunnel; the cache serves only the connection's own database). A store that cannot do that (the
     * in-memory one) or one not open yet is reopened on the other database instead.
     */
    private void switchDatabase(String database) {
        if (!shared.switchesDatabases()) {
            if (currentConfig != null) {
                switchTo(currentName, currentLabel, currentConfig.withMongo(currentConfig.mongoUri(), database),
                        currentSsh);
            }
            return;
        }
        if (current != null && !current.mayLeaveUnsavedEdits()) {
            return;
        }
        String configured = connectionDescription.database();
        var configuredStore = new StoreOpeners.Configured(shared.lease(database.equals(configured) ? null : database),
                connectionDescription.onDatabase(database));
        show(new AtomicReference<>(), contexts.create(configuredStore, WriteLock.forConfig(currentConfig), actions(),
                currentName), currentName, currentLabel);
    }

    /** Connect… (Ctrl+K): the saved connections and the form, over the main window. */
    public void openConnectDialog() {
        if (connectStage != null && connectStage.isShowing()) {
            connectStage.toFront();
            return;
        }
        connectModel = new ConnectViewModel(dialogRunner, connections, tester, this, environmentConfig,
                environmentSsh, dialogHostKeys, environment, clock);
        ConnectView view = new ConnectView(connectModel);
        FxWindows windows = new FxWindows(new ViewLoader(messages, type -> {
            throw new IllegalArgumentException("The Connect dialog names no controller: " + type.getName());
        }));
        windows.setOwner(stage);
        var loaded = windows.loader().load(ConnectView.class, "Connect.fxml", view);
        connectStage = windows.stage(messages.get("connect.title"), loaded.root(), true);
        dialogs.setOwner(connectStage);
        connectModel.closeRequestedProperty().addListener((o, old, close) -> {
            if (close) {
                connectStage.close();
            }
        });
        connectStage.show();
    }

    public AppContext current() {
        return current;
    }

    /** The open Connect dialog's model, or null (for tests and screenshots). */
    public ConnectViewModel connectModel() {
        return connectModel;
    }

    public Stage connectStage() {
        return connectStage;
    }

    @Override
    public void close() {
        if (connectStage != null) {
            connectStage.close();
        }
        if (shared != null) {
            shared.retire();
        }
        if (current != null) {
            current.close();
        }
        dialogRunner.close();
    }
}
