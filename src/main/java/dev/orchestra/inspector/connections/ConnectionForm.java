package dev.orchestra.inspector.connections;

import dev.orchestra.connections.MongoUriFields;
import dev.orchestra.connections.RedisSettings;
import dev.orchestra.connections.SavedConnection;
import dev.orchestra.connections.SshFields;
import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.config.RedisMode;
import dev.orchestra.storage.error.StorageValidationException;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The Connect dialog's form as properties. The MongoDB URI and its fields (host, port, user, auth database, TLS)
 * stay in sync both ways; a password typed into the URI moves into the password field, so the URI never shows it.
 * The known-hosts file, which the form does not show, is kept from the loaded connection.
 */
public final class ConnectionForm {
    final StringProperty name = new SimpleStringProperty(this, "name", "");
    final StringProperty label = new SimpleStringProperty(this, "label", "");
    final ObjectProperty<AppEnvironment> environment = new SimpleObjectProperty<>(this, "environment",
            AppEnvironment.DEVELOPMENT);
    final StringProperty mongoUri = new SimpleStringProperty(this, "mongoUri", "");
    final StringProperty mongoHost = new SimpleStringProperty(this, "mongoHost", "");
    final StringProperty mongoPort = new SimpleStringProperty(this, "mongoPort", "27017");
    final StringProperty mongoUser = new SimpleStringProperty(this, "mongoUser", "");
    final StringProperty mongoAuthDatabase = new SimpleStringProperty(this, "mongoAuthDatabase", "");
    final BooleanProperty mongoTls = new SimpleBooleanProperty(this, "mongoTls");
    final StringProperty mongoPassword = new SimpleStringProperty(this, "mongoPassword", "");
    final StringProperty database = new SimpleStringProperty(this, "database", "orchestra");
    final StringProperty readPreference = new SimpleStringProperty(this, "readPreference", SavedConnection.PRIMARY);
    final ObjectProperty<RedisMode> redisMode = new SimpleObjectProperty<>(this, "redisMode", RedisMode.STANDALONE);
    final StringProperty redisHost = new SimpleStringProperty(this, "redisHost", "");
    final StringProperty redisPort = new SimpleStringProperty(this, "redisPort", "6379");
    final StringProperty redisUser = new SimpleStringProperty(this, "redisUser", "");
    final StringProperty redisPassword = new SimpleStringProperty(this, "redisPassword", "");
    final BooleanProperty redisTls = new SimpleBooleanProperty(this, "redisTls");
    final StringProperty redisKeyPrefix = new SimpleStringProperty(this, "redisKeyPrefix", "");
    final StringProperty redisServers = new SimpleStringProperty(this, "redisServers", "");
    final StringProperty redisMasterName = new SimpleStringProperty(this, "redisMasterName", "");
    final BooleanProperty redisVerifyHost = new SimpleBooleanProperty(this, "redisVerifyHost", true);
    final StringProperty redisCaFile = new SimpleStringProperty(this, "redisCaFile", "");
    final StringProperty redisCertFile = new SimpleStringProperty(this, "redisCertFile", "");
    final StringProperty redisKeyFile = new SimpleStringProperty(this, "redisKeyFile", "");
    final StringProperty sentinelUser = new SimpleStringProperty(this, "sentinelUser", "");
    final StringProperty sentinelPassword = new SimpleStringProperty(this, "sentinelPassword", "");
    final BooleanProperty readOnly = new SimpleBooleanProperty(this, "readOnly");
    final BooleanProperty savePassword = new SimpleBooleanProperty(this, "savePassword");
    final StringProperty sshHost = new SimpleStringProperty(this, "sshHost", "");
    final StringProperty sshPort = new SimpleStringProperty(this, "sshPort", "22");
    final StringProperty sshUser = new SimpleStringProperty(this, "sshUser", "");
    final StringProperty sshKeyFile = new SimpleStringProperty(this, "sshKeyFile", "");
    final StringProperty sshPassphrase = new SimpleStringProperty(this, "sshPassphrase", "");
    final StringProperty sshPassword = new SimpleStringProperty(this, "sshPassword", "");
    /** Why the URI or a field of it is not valid now (one line), or empty. */
    final StringProperty uriProblem = new SimpleStringProperty(this, "uriProblem", "");

    private SavedConnection base = SavedConnection.of("", AppEnvironment.DEVELOPMENT, null, null, null);
    private boolean syncing;

    ConnectionForm() {
        mongoUri.addListener((o, old, uri) -> fromUri(uri));
        for (ObservableValue<?> field : List.of(mongoHost, mongoPort, mongoUser, mongoAuthDatabase, mongoTls)) {
            field.addListener((o, old, now) -> toUri());
        }
    }

    /** Shows {@code connection} (its saved passwords too, masked by the view). */
    void load(SavedConnection connection) {
        base = connection;
        name.set(connection.name());
        label.set(orEmpty(connection.label()));
        environment.set(connection.environment());
        mongoPassword.set(orEmpty(connection.mongoPassword()));
        mongoUri.set(orEmpty(connection.mongoUri()));
        if (!connection.hasMongoUri()) {
            clearMongoFields();
        }
        database.set(connection.database());
        readPreference.set(connection.readPreference());
        RedisSettings redis = connection.redis();
        redisMode.set(redis.mode());
        redisHost.set(orEmpty(redis.host()));
        redisPort.set(String.valueOf(redis.port()));
        redisUser.set(orEmpty(redis.username()));
        redisPassword.set(orEmpty(redis.password()));
        redisTls.set(redis.tls());
        redisKeyPrefix.set(orEmpty(redis.keyPrefix()));
        redisServers.set(orEmpty(redis.mode() == RedisMode.CLUSTER ? redis.nodes() : redis.sentinels()));
        redisMasterName.set(orEmpty(redis.masterName()));
        redisVerifyHost.set(redis.tlsVerifyHost());
        redisCaFile.set(orEmpty(redis.tlsCaFile()));
        redisCertFile.set(orEmpty(redis.tlsCertFile()));
        redisKeyFile.set(orEmpty(redis.tlsKeyFile()));
        sentinelUser.set(orEmpty(redis.sentinelUsername()));
        sentinelPassword.set(orEmpty(redis.sentinelPassword()));
        readOnly.set(connection.readOnly());
        savePassword.set(connection.savePassword());
        SshFields ssh = connection.ssh();
        sshHost.set(orEmpty(ssh.host()));
        sshPort.set(String.valueOf(ssh.port()));
        sshUser.set(orEmpty(ssh.user()));
        sshKeyFile.set(orEmpty(ssh.privateKeyFile()));
        sshPassphrase.set(orEmpty(ssh.keyPassphrase()));
        sshPassword.set(orEmpty(ssh.password()));
    }

    /** An empty form for a new connection. */
    void clear() {
        load(SavedConnection.of("", AppEnvironment.DEVELOPMENT, null, null, null));
    }

    /** The connection the form describes; a bad field is a one-line {@link StorageValidationException}. */
    SavedConnection toConnection() {
        if (!uriProblem.get().isEmpty()) {
            throw new StorageValidationException(uriProblem.get());
        }
        RedisMode mode = redisMode.get();
        boolean sentinel = mode == RedisMode.SENTINEL;
        RedisSettings redis = new RedisSettings(mode, blankToNull(redisHost.get()),
                port("Redis port", redisPort.get(), RedisSettings.DEFAULT_PORT), blankToNull(redisUser.get()),
                emptyToNull(redisPassword.get()), redisTls.get(), blankToNull(redisCaFile.get()),
                blankToNull(redisCertFile.get()), blankToNull(redisKeyFile.get()), redisVerifyHost.get(),
                sentinel ? blankToNull(redisServers.get()) : null, sentinel ? blankToNull(redisMasterName.get()) : null,
                sentinel ? blankToNull(sentinelUser.get()) : null, sentinel ? emptyToNull(sentinelPassword.get()) : null,
                mode == RedisMode.CLUSTER ? blankToNull(redisServers.get()) : null, blankToNull(redisKeyPrefix.get()));
        SshFields oldSsh = base.ssh();
        SshFields ssh = new SshFields(blankToNull(sshHost.get()), port("SSH port", sshPort.get(), SshFields.DEFAULT_PORT),
                blankToNull(sshUser.get()), blankToNull(sshKeyFile.get()), emptyToNull(sshPassphrase.get()),
                emptyToNull(sshPassword.get()), oldSsh.knownHostsFile());
        return new SavedConnection(name.get() == null ? "" : name.get().trim(), blankToNull(label.get()),
                environment.get(), blankToNull(mongoUri.get()), emptyToNull(mongoPassword.get()), database.get(),
                readPreference.get(), redis, readOnly.get(), ssh, savePassword.get(), base.lastUsed());
    }

    private void fromUri(String uri) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            if (uri == null || uri.isBlank()) {
                clearMongoFields();
                uriProblem.set("");
                return;
            }
            MongoUriFields fields = MongoUriFields.parse(uri);
            MongoUriFields.passwordIn(uri).ifPresent(password -> {
                mongoPassword.set(password);
                mongoUri.set(fields.toDisplayUri());
            });
            mongoHost.set(fields.firstHost());
            mongoPort.set(String.valueOf(fields.firstPort()));
            mongoUser.set(orEmpty(fields.username()));
            mongoAuthDatabase.set(orEmpty(fields.authDatabase()));
            mongoTls.set(fields.tls());
            uriProblem.set("");
        } catch (StorageValidationException e) {
            uriProblem.set(e.getMessage());
        } finally {
            syncing = false;
        }
    }

    private void toUri() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            if (mongoHost.get().isBlank()) {
                mongoUri.set("");
                uriProblem.set("");
                return;
            }
            int port = port("MongoDB port", mongoPort.get(), 27017);
            MongoUriFields typed = MongoUriFields.of(mongoHost.get(), port, mongoUser.get(), null,
                    mongoAuthDatabase.get(), mongoTls.get());
            MongoUriFields current = currentFields();
            String hosts = typed.hosts();
            if (current != null && current.hosts().contains(",")) {
                hosts = hosts + current.hosts().substring(current.hosts().indexOf(','));
            }
            MongoUriFields merged = new MongoUriFields(current != null && current.srv(), hosts, typed.username(),
                    current == null ? null : current.database(), typed.authDatabase(), typed.tls(),
                    current == null ? "" : current.options());
            mongoUri.set(merged.toDisplayUri());
            uriProblem.set("");
        } catch (StorageValidationException e) {
            uriProblem.set(e.getMessage());
        } finally {
            syncing = false;
        }
    }

    private MongoUriFields currentFields() {
        try {
            return mongoUri.get().isBlank() ? null : MongoUriFields.parse(mongoUri.get());
        } catch (StorageValidationException e) {
            return null;
        }
    }

    private void clearMongoFields() {
        boolean was = syncing;
        syncing = true;
        mongoHost.set("");
        mongoPort.set("27017");
        mongoUser.set("");
        mongoAuthDatabase.set("");
        mongoTls.set(false);
        syncing = was;
    }

    private static int port(String what, String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text.trim());
            if (port < 1 || port > 65535) {
                throw new StorageValidationException(what + " must be between 1 and 65535, was " + text.trim());
            }
            return port;
        } catch (NumberFormatException e) {
            throw new StorageValidationException(what + " must be a whole number, was '" + text.trim() + "'");
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Passwords are kept exactly as typed (spaces count); only an empty field means "none". */
    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
