package dev.orchestra.inspector;

import dev.orchestra.cli.AppLogging;
import dev.orchestra.connections.ConnectionStore;
import dev.orchestra.connections.ConnectionTester;
import dev.orchestra.connections.SavedConnection;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.FxBackgroundRunner;
import dev.orchestra.inspector.common.FxWindows;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.ViewLoader;
import dev.orchestra.inspector.connections.ConnectView;
import dev.orchestra.inspector.connections.ConnectViewModel;
import dev.orchestra.inspector.connections.ConnectionEntry;
import dev.orchestra.inspector.connections.ConnectionSwitch;
import dev.orchestra.inspector.status.HealthPoll;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.safety.WriteLock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
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
    private final ContextFactory contexts;
    private final ConnectionTester tester;
    private final Clock clock;
    private final BackgroundRunner dialogRunner = new FxBackgroundRunner(2, 16);
    private final Messages messages = Messages.load();
    private AppContext current;
    private StorageConfig currentConfig;
    private String currentName;
    private String currentLabel;
    private Stage connectStage;
    private ConnectViewModel connectModel;

    public ConnectedWindow(Stage stage, ConnectionStore connections, Map<String, String> environment,
                           Supplier<StorageConfig> environmentConfig, ContextFactory contexts,
                           ConnectionTester tester, Clock clock) {
        this.stage = stage;
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
                (configured, lock, actions, name) -> new AppContext(configured.opener(), configured.description(),
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
            return switchTo(connection.name(), connection.label(), connection.toStorageConfig(environment));
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The configuration from the environment and {@code .env}; a bad one still opens the window, with the reason. */
    private void openEnvironment() {
        StoreOpeners.Configured configured;
        WriteLock lock;
        try {
            StorageConfig config = environmentConfig.get();
            configured = new StoreOpeners.Configured(() -> AppLogging.openStore(config), StoreDescription.of(config));
            lock = WriteLock.forConfig(config);
            currentConfig = config;
        } catch (RuntimeException e) {
            configured = new StoreOpeners.Configured(() -> {
                throw e;
            }, StoreDescription.unknown());
            lock = WriteLock.locked("the configuration could not be read");
            currentConfig = null;
        }
        show(contexts.create(configured, lock, actions(), null), null, null);
    }

    @Override
    public boolean switchTo(String name, String label, StorageConfig config) {
        if (current != null && !current.mayLeaveUnsavedEdits()) {
            return false;
        }
        StoreOpeners.Configured configured = new StoreOpeners.Configured(() -> AppLogging.openStore(config),
                StoreDescription.of(config));
        String shownName = name == null || name.equals(ConnectionEntry.FROM_ENVIRONMENT) ? null : name;
        currentConfig = config;
        show(contexts.create(configured, WriteLock.forConfig(config), actions(), shownName), shownName, label);
        return true;
    }

    private void show(AppContext next, String name, String label) {
        if (current != null) {
            current.close();
        }
        current = next;
        currentName = name;
        currentLabel = label;
        next.show(stage);
    }

    private ConnectionActions actions() {
        return new ConnectionActions() {
            @Override
            public void openConnectDialog() {
                ConnectedWindow.this.openConnectDialog();
            }

            @Override
            public void switchDatabase(String database) {
                if (currentConfig != null) {
                    switchTo(currentName, currentLabel, currentConfig.withMongo(currentConfig.mongoUri(), database));
                }
            }

            @Override
            public List<String> databaseNames() {
                StorageConfig config = currentConfig;
                return config == null ? List.of() : tester.databaseNames(config);
            }
        };
    }

    /** Connect… (Ctrl+K): the saved connections and the form, over the main window. */
    public void openConnectDialog() {
        if (connectStage != null && connectStage.isShowing()) {
            connectStage.toFront();
            return;
        }
        connectModel = new ConnectViewModel(dialogRunner, connections, tester, this, environmentConfig, environment,
                clock);
        ConnectView view = new ConnectView(connectModel);
        FxWindows windows = new FxWindows(new ViewLoader(messages, type -> {
            throw new IllegalArgumentException("The Connect dialog names no controller: " + type.getName());
        }));
        windows.setOwner(stage);
        var loaded = windows.loader().load(ConnectView.class, "Connect.fxml", view);
        connectStage = windows.stage(messages.get("connect.title"), loaded.root(), true);
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
        if (current != null) {
            current.close();
        }
        dialogRunner.close();
    }
}
