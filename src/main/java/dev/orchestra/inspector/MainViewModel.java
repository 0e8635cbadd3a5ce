package dev.orchestra.inspector;

import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.error.StorageValidationException;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.StoreConnection;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The main window's state: which view shows, the theme, the title, the connection overlay. */
public class MainViewModel {
    /** The views in the navigation list, in order. */
    public enum Section { MEMORY, AGENTS, SESSIONS, HEALTH, INDEXES, TRASH, AUDIT, COHERENCE, KEYS }

    private final StoreDescription description;
    private final StoreConnection store;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.MEMORY);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);
    private final StringBinding title;
    private final StringBinding connectionMessage;
    private final ConnectionActions connections;
    private final String connectionName;
    private final ObservableList<String> databases = FXCollections.observableArrayList();
    private final AsyncCommand<List<String>> listDatabases;
    private final ReadOnlyStringWrapper databaseProblem = new ReadOnlyStringWrapper(this, "databaseProblem");

    public MainViewModel(StoreDescription description, StoreConnection store) {
        this(description, store, null, ConnectionActions.NONE, null);
    }

    /**
     * @param runner         lists the server's databases for the title bar's picker (null: no picker)
     * @param connectionName the saved connection shown, or null
     */
    public MainViewModel(StoreDescription description, StoreConnection store, BackgroundRunner runner,
                         ConnectionActions connections, String connectionName) {
        this.description = description;
        this.store = store;
        this.connections = connections;
        this.connectionName = connectionName;
        this.listDatabases = runner == null ? null : new AsyncCommand<>(runner, "Listing databases");
        title = Bindings.createStringBinding(() -> "Orchestra Storage Inspector — "
                + (connectionName == null ? "" : connectionName + " · ")
                + (description.production() ? "PRODUCTION" : description.environment()) + " · "
                + description.database() + " @ " + description.mongo());
        connectionMessage = Bindings.createStringBinding(() -> switch (store.stateProperty().get()) {
            case CONNECTING -> "Connecting to " + description.target() + "…";
            case FAILED -> "Could not open " + description.target() + "\n\n" + store.errorProperty().get();
            case CONNECTED -> "";
        }, store.stateProperty(), store.errorProperty());
    }

    public void retryConnection() {
        store.connect();
    }

    /** Connect… (Ctrl+K). */
    public void openConnectDialog() {
        connections.openConnectDialog();
    }

    /** The title bar's database picker: another database on the same servers. */
    public void switchDatabase(String database) {
        if (database == null || database.isBlank() || database.trim().equals(description.database())) {
            databaseProblem.set(null);
            return;
        }
        try {
            StorageConfig.checkDatabaseName(database.trim());
        } catch (StorageValidationException e) {
            databaseProblem.set(e.getMessage());
            return;
        }
        databaseProblem.set(null);
        connections.switchDatabase(database.trim());
    }

    /** Why a typed database name was refused (nothing switched), or null. */
    public ReadOnlyStringProperty databaseProblemProperty() {
        return databaseProblem.getReadOnlyProperty();
    }

    /** Fills {@link #databases()} from the server, in the background; the current database is always there. */
    public void loadDatabases() {
        databases.setAll(List.of(description.database()));
        if (listDatabases != null) {
            listDatabases.execute(connections::databaseNames, names -> {
                if (!names.isEmpty()) {
                    databases.setAll(names);
                }
            });
        }
    }

    public ObservableList<String> databases() {
        return databases;
    }

    /** The saved connection's name, or null when the window shows the environment's configuration. */
    public String connectionName() {
        return connectionName;
    }

    public StoreDescription description() {
        return description;
    }

    public StoreConnection store() {
        return store;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public StringBinding titleProperty() {
        return title;
    }

    public StringBinding connectionMessageProperty() {
        return connectionMessage;
    }
}
