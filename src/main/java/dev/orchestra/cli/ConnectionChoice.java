package dev.orchestra.cli;

import dev.orchestra.connections.ConnectionStore;
import dev.orchestra.connections.SavedConnection;
import dev.orchestra.connections.SavedConnection.Secret;
import dev.orchestra.connections.ssh.SshSettings;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.error.StorageValidationException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The configuration a command works on: the environment and {@code .env} as always, or the saved connection named
 * by {@code --connection} (the app's {@code connections.json}). A password the connection does not save comes from
 * its environment variable ({@code MONGODB_PASSWORD}, {@code REDIS_PASSWORD}, …) or is asked on the terminal.
 * Built once, when the first command asks for it.
 */
public final class ConnectionChoice implements Supplier<StorageConfig> {
    private final Supplier<StorageConfig> fromEnvironment;
    private final Map<String, String> environment;
    private final ConnectionStore connections;
    private final Function<Secret, String> askOnTerminal;
    private final Supplier<Optional<SshSettings>> sshFromEnvironment;
    private String name;
    private StorageConfig chosen;
    private Optional<SshSettings> chosenSsh;
    private Optional<SshSettings> environmentSsh;

    /**
     * @param askOnTerminal asks for a secret (null when there is no terminal or the user gave none)
     */
    public ConnectionChoice(Supplier<StorageConfig> fromEnvironment, Map<String, String> environment,
                            ConnectionStore connections, Function<Secret, String> askOnTerminal) {
        this(fromEnvironment, environment, connections, askOnTerminal,
                () -> SshSettings.fromEnvironment(environment));
    }

    /** @param sshFromEnvironment the bastion {@code SSH_*} names, used when no saved connection is chosen */
    public ConnectionChoice(Supplier<StorageConfig> fromEnvironment, Map<String, String> environment,
                            ConnectionStore connections, Function<Secret, String> askOnTerminal,
                            Supplier<Optional<SshSettings>> sshFromEnvironment) {
        this.sshFromEnvironment = sshFromEnvironment;
        this.fromEnvironment = fromEnvironment;
        this.environment = Map.copyOf(environment.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        this.connections = connections;
        this.askOnTerminal = askOnTerminal;
    }

    /** {@code --connection NAME}. */
    synchronized void select(String connectionName) {
        this.name = connectionName;
        this.chosen = null;
        this.chosenSsh = null;
    }

    @Override
    public synchronized StorageConfig get() {
        if (chosen == null) {
            if (name == null) {
                chosen = fromEnvironment.get();
            } else {
                fromSaved(name);
            }
        }
        return chosen;
    }

    /** The SSH bastion to go through: the saved connection's, or {@code SSH_*} from the environment. */
    public synchronized Optional<SshSettings> ssh() {
        if (name == null) {
            if (environmentSsh == null) {
                environmentSsh = sshFromEnvironment.get();
            }
            return environmentSsh;
        }
        if (chosenSsh == null) {
            fromSaved(name);
        }
        return chosenSsh;
    }

    private void fromSaved(String connectionName) {
        ConnectionStore.Loaded loaded = connections.load();
        if (loaded.problem().isPresent()) {
            throw new StorageValidationException(loaded.problem().get());
        }
        SavedConnection connection = loaded.connections().stream().filter(c -> c.name().equals(connectionName))
                .findFirst().orElseThrow(() -> new StorageValidationException("No saved connection named '"
                        + connectionName + "' in " + connections.file() + known(loaded.connections())));
        Map<Secret, String> secrets = new EnumMap<>(Secret.class);
        // a password the connection does not hold may come from its variable, as without --connection
        for (Secret secret : Secret.values()) {
            if (connection.secret(secret) == null && environment.get(secret.variable()) != null) {
                secrets.put(secret, environment.get(secret.variable()));
            }
        }
        for (Secret secret : connection.missingSecrets()) {
            if (secrets.containsKey(secret)) {
                continue;
            }
            String value = askOnTerminal.apply(secret);
            if (value == null) {
                throw new StorageValidationException("Connection '" + connectionName + "' needs the "
                        + secret.label() + ": set " + secret.variable() + " or run on a terminal to be asked");
            }
            secrets.put(secret, value);
        }
        SavedConnection complete = connection.withSecrets(secrets);
        chosen = complete.toStorageConfig(environment);
        chosenSsh = complete.ssh().toSettings();
    }

    private static String known(List<SavedConnection> saved) {
        return saved.isEmpty() ? " (none saved)"
                : " (saved: " + String.join(", ", saved.stream().map(SavedConnection::name).toList()) + ")";
    }
}
