package dev.orchestra.inspector.connections;

import dev.orchestra.connections.ConnectionStore;
import dev.orchestra.connections.ConnectionTester;
import dev.orchestra.connections.SavedConnection;
import dev.orchestra.connections.ssh.HostKeyPrompt;
import dev.orchestra.connections.ssh.SshSettings;
import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.error.StorageException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Connect dialog: the saved connections (recently used first, then "From environment"), the form of the
 * selected one, Test connection, Save / Delete / Connect, import and export. Testing and listing databases run on
 * the runner; saving is a small local file write.
 */
public final class ConnectViewModel {
    private final SavedConnectionFile file;
    private final ConnectionTester tester;
    private final ConnectionSwitch connectionSwitch;
    private final Supplier<StorageConfig> environmentConfig;
    private final Supplier<Optional<SshSettings>> environmentSsh;
    private final HostKeyPrompt hostKeys;
    private final Map<String, String> environmentVariables;
    private final Clock clock;
    private final ConnectionForm form = new ConnectionForm();
    private final ObservableList<ConnectionEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<ConnectionEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final StringProperty mongoCheck = new SimpleStringProperty(this, "mongoCheck", "");
    private final StringProperty redisCheck = new SimpleStringProperty(this, "redisCheck", "");
    private final ObjectProperty<Boolean> mongoOk = new SimpleObjectProperty<>(this, "mongoOk");
    private final ObjectProperty<Boolean> redisOk = new SimpleObjectProperty<>(this, "redisOk");
    private final ObservableList<String> databases = FXCollections.observableArrayList();
    private final BooleanProperty closeRequested = new SimpleBooleanProperty(this, "closeRequested");
    private final BooleanBinding editable = Bindings.createBooleanBinding(
            () -> selected.get() == null || !selected.get().isFromEnvironment(), selected);
    private final AsyncCommand<ConnectionTester.Result> test;

    /**
     * @param environmentConfig the "From environment" entry's configuration ({@code APP_ENV}, {@code .env})
     * @param environmentSsh    and its bastion ({@code SSH_*}), or empty
     * @param hostKeys          asked, on the worker testing the connection, about an unknown bastion key
     */
    public ConnectViewModel(BackgroundRunner runner, ConnectionStore store, ConnectionTester tester,
                            ConnectionSwitch connectionSwitch, Supplier<StorageConfig> environmentConfig,
                            Supplier<Optional<SshSettings>> environmentSsh, HostKeyPrompt hostKeys,
                            Map<String, String> environmentVariables, Clock clock) {
        this.environmentSsh = environmentSsh;
        this.hostKeys = hostKeys;
        this.file = new SavedConnectionFile(store);
        this.tester = tester;
        this.connectionSwitch = connectionSwitch;
        this.environmentConfig = environmentConfig;
        this.environmentVariables = Map.copyOf(environmentVariables);
        this.clock = clock;
        this.test = new AsyncCommand<>(runner, "Testing the connection");
        selected.addListener((o, old, entry) -> show(entry));
        reload(null);
    }

    /** Reads the file again and selects {@code name} (or the most recently used). */
    public void reload(String name) {
        ConnectionStore.Loaded loaded = file.load();
        loaded.problem().ifPresent(message::set);
        List<ConnectionEntry> rows = new ArrayList<>(loaded.connections().stream().map(ConnectionEntry::of)
                .toList());
        rows.add(ConnectionEntry.fromEnvironment());
        entries.setAll(rows);
        selected.set(rows.stream().filter(e -> e.name().equals(name)).findFirst().orElse(rows.get(0)));
    }

    private void show(ConnectionEntry entry) {
        mongoCheck.set("");
        redisCheck.set("");
        mongoOk.set(null);
        redisOk.set(null);
        databases.clear();
        if (entry == null) {
            return;
        }
        if (entry.isFromEnvironment()) {
            form.clear();
            form.name.set(entry.name());
            try {
                StorageConfig config = environmentConfig.get();
                form.environment.set(config.environment());
                form.database.set(config.mongoDatabase());
                form.mongoHost.set("");
                form.mongoUri.set(config.mongoDisplayName());
                form.redisHost.set(config.redisDisplayName());
            } catch (StorageException e) {
                message.set(e.getMessage());
            }
        } else {
            form.load(entry.saved());
        }
    }

    /** An empty form; Save adds it to the list. */
    public void newConnection() {
        selected.set(null);
        form.clear();
        message.set("");
    }

    /** Saves the form (a new connection, or the selected one changed); a bad field is one line and saves nothing. */
    public void save() {
        try {
            SavedConnection connection = form.toConnection();
            ConnectionEntry current = selected.get();
            String replaced = current == null || current.isFromEnvironment() ? connection.name() : current.name();
            String done = file.save(savedConnections(), replaced, connection);
            reload(connection.name());
            message.set(done);
        } catch (StorageException e) {
            message.set(e.getMessage());
        }
    }

    public void delete() {
        ConnectionEntry current = selected.get();
        if (current == null || current.isFromEnvironment()) {
            return;
        }
        try {
            String done = file.delete(savedConnections(), current.name());
            reload(null);
            message.set(done);
        } catch (StorageException e) {
            message.set(e.getMessage());
        }
    }

    /** Tests MongoDB and Redis separately, on the runner; the databases the server lists fill the picker. */
    public void testConnection() {
        Target target;
        try {
            target = targetToOpen();
        } catch (StorageException e) {
            message.set(e.getMessage());
            return;
        }
        message.set("");
        mongoCheck.set("Testing…");
        redisCheck.set("Testing…");
        test.execute(() -> tester.test(target.config(), target.ssh(), hostKeys), result -> {
            mongoOk.set(result.mongo().ok());
            redisOk.set(result.redis().ok());
            mongoCheck.set(result.mongo().summary());
            redisCheck.set(result.redis().summary());
            message.set(result.ssh() == null ? "" : result.ssh().summary());
            databases.setAll(result.databases());
        }, failure -> mongoCheck.set(failure.getMessage()));
    }

    /**
     * Closes the open store and opens this connection in the window. Passwords that are not saved must be typed
     * first; the connection's "last used" is recorded.
     */
    public void connect() {
        ConnectionEntry entry = selected.get();
        try {
            Target target = targetToOpen();
            String name = entry != null && entry.isFromEnvironment() ? entry.name() : form.toConnection().name();
            String label = entry != null && entry.isFromEnvironment() ? null : form.toConnection().label();
            if (!connectionSwitch.switchTo(name, label, target.config(), target.ssh())) {
                return;
            }
            if (entry != null && !entry.isFromEnvironment()) {
                rememberUse(entry.name());
            }
            closeRequested.set(true);
        } catch (StorageException e) {
            message.set(e.getMessage());
        }
    }

    /** Where Connect and Test go: the configuration and the bastion, passwords included. */
    private record Target(StorageConfig config, Optional<SshSettings> ssh) {
    }

    private Target targetToOpen() {
        ConnectionEntry entry = selected.get();
        if (entry != null && entry.isFromEnvironment()) {
            return new Target(environmentConfig.get(), environmentSsh.get());
        }
        SavedConnection connection = form.toConnection();
        connection.validate();
        if (!connection.missingSecrets().isEmpty()) {
            throw new ConnectionProblem("Type the " + connection.missingSecrets().get(0).label()
                    + " (it is not saved)");
        }
        return new Target(connection.toStorageConfig(environmentVariables), connection.ssh().toSettings());
    }

    private void rememberUse(String name) {
        try {
            file.rememberUse(savedConnections(), name, clock.instant());
        } catch (StorageException e) {
            message.set(e.getMessage());
        }
    }

    /** Adds the connections of an exported file whose names are not taken; passwords are never imported. */
    public void importFrom(Path source) {
        try {
            String done = file.importFrom(savedConnections(), source);
            reload(null);
            message.set(done);
        } catch (StorageException e) {
            message.set(e.getMessage());
        }
    }

    public void exportTo(Path target) {
        try {
            message.set(file.exportTo(savedConnections(), target));
        } catch (StorageException e) {
            message.set(e.getMessage());
        }
    }

    private List<SavedConnection> savedConnections() {
        return entries.stream().filter(e -> !e.isFromEnvironment()).map(ConnectionEntry::saved).toList();
    }

    /** A connection that is valid but cannot be opened as it is. */
    private static final class ConnectionProblem extends StorageException {
        ConnectionProblem(String message) {
            super(message);
        }
    }

    public ConnectionForm form() {
        return form;
    }

    public ObservableList<ConnectionEntry> entries() {
        return entries;
    }

    public ObjectProperty<ConnectionEntry> selectedProperty() {
        return selected;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty mongoCheckProperty() {
        return mongoCheck;
    }

    public StringProperty redisCheckProperty() {
        return redisCheck;
    }

    public ObjectProperty<Boolean> mongoOkProperty() {
        return mongoOk;
    }

    public ObjectProperty<Boolean> redisOkProperty() {
        return redisOk;
    }

    public ObservableList<String> databases() {
        return databases;
    }

    public BooleanBinding editableProperty() {
        return editable;
    }

    public AsyncCommand<ConnectionTester.Result> testCommand() {
        return test;
    }

    /** Set after a successful Connect: the view closes the dialog. */
    public BooleanProperty closeRequestedProperty() {
        return closeRequested;
    }
}
