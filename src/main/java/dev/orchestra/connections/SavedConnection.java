package dev.orchestra.connections;

import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.config.RedisMode;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.error.StorageValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One saved connection: where MongoDB and Redis are, how carefully to open them, and through which bastion.
 * {@code mongoUri} never holds a password (it is {@code mongoPassword}); every password is null in the file unless
 * {@code savePassword}.
 *
 * @param label          a colour ({@code #RRGGBB}) or short label shown beside the name, or null
 * @param mongoUri       null or blank: the embedded store (development only)
 * @param readPreference list and page reads only ({@code primary} when null); edits always go to the primary
 * @param readOnly       opens read-only whatever the environment (production always does)
 * @param lastUsed       when it was last connected, or null
 */
public record SavedConnection(String name, String label, AppEnvironment environment, String mongoUri,
                              String mongoPassword, String database, String readPreference, RedisSettings redis,
                              boolean readOnly, SshFields ssh, boolean savePassword, Instant lastUsed) {

    /** A secret a connection may need that is not saved: asked for on connect (or read from these variables). */
    public enum Secret {
        MONGODB_PASSWORD("MongoDB password"),
        REDIS_PASSWORD("Redis password"),
        REDIS_SENTINEL_PASSWORD("Sentinel password"),
        SSH_KEY_PASSPHRASE("SSH key passphrase"),
        SSH_PASSWORD("SSH password");

        private final String label;

        Secret(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The environment variable that may hold it (for the CLI). */
        public String variable() {
            return name();
        }
    }

    public static final String PRIMARY = "primary";
    public static final List<String> READ_PREFERENCES = List.of(PRIMARY, "primaryPreferred", "secondary",
            "secondaryPreferred", "nearest");

    public SavedConnection {
        environment = environment == null ? AppEnvironment.DEVELOPMENT : environment;
        redis = redis == null ? RedisSettings.none() : redis;
        ssh = ssh == null ? SshFields.none() : ssh;
        readPreference = readPreference == null || readPreference.isBlank() ? PRIMARY : readPreference;
        database = database == null || database.isBlank() ? StorageConfig.DEFAULT_DATABASE : database.trim();
    }

    /** A new connection to MongoDB at {@code mongoUri} (a password in it moves to {@code mongoPassword}). */
    public static SavedConnection of(String name, AppEnvironment environment, String mongoUri, String database,
                                     RedisSettings redis) {
        return new SavedConnection(name, null, environment, null, null, database, PRIMARY, redis, false, null, false,
                null).withMongoUri(mongoUri);
    }

    /** With {@code uri} as typed: its password (if any) is taken out of the URI into {@code mongoPassword}. */
    public SavedConnection withMongoUri(String uri) {
        if (uri == null || uri.isBlank()) {
            return new SavedConnection(name, label, environment, null, mongoPassword, database, readPreference, redis,
                    readOnly, ssh, savePassword, lastUsed);
        }
        MongoUriFields fields = MongoUriFields.parse(uri);
        String password = MongoUriFields.passwordIn(uri).orElse(mongoPassword);
        return new SavedConnection(name, label, environment, fields.toDisplayUri(), password, database,
                readPreference, redis, readOnly, ssh, savePassword, lastUsed);
    }

    public SavedConnection withName(String newName) {
        return new SavedConnection(newName, label, environment, mongoUri, mongoPassword, database, readPreference,
                redis, readOnly, ssh, savePassword, lastUsed);
    }

    public SavedConnection withDatabase(String newDatabase) {
        return new SavedConnection(name, label, environment, mongoUri, mongoPassword, newDatabase, readPreference,
                redis, readOnly, ssh, savePassword, lastUsed);
    }

    public SavedConnection withLastUsed(Instant when) {
        return new SavedConnection(name, label, environment, mongoUri, mongoPassword, database, readPreference,
                redis, readOnly, ssh, savePassword, when);
    }

    /** What the file holds: every password removed unless the user chose to save them. */
    public SavedConnection forFile() {
        return savePassword ? this : withoutPasswords();
    }

    /** For export, and for a file that does not save passwords. */
    public SavedConnection withoutPasswords() {
        return new SavedConnection(name, label, environment, mongoUri, null, database, readPreference,
                redis.withoutPasswords(), readOnly, ssh.withoutSecrets(), false, lastUsed);
    }

    /** With the secrets given on connect (only those not null replace what is there). */
    public SavedConnection withSecrets(Map<Secret, String> secrets) {
        RedisSettings r = redis.withPasswords(secrets.getOrDefault(Secret.REDIS_PASSWORD, redis.password()),
                secrets.getOrDefault(Secret.REDIS_SENTINEL_PASSWORD, redis.sentinelPassword()));
        SshFields s = ssh.withSecrets(secrets.getOrDefault(Secret.SSH_KEY_PASSPHRASE, ssh.keyPassphrase()),
                secrets.getOrDefault(Secret.SSH_PASSWORD, ssh.password()));
        return new SavedConnection(name, label, environment, mongoUri,
                secrets.getOrDefault(Secret.MONGODB_PASSWORD, mongoPassword), database, readPreference, r, readOnly,
                s, savePassword, lastUsed);
    }

    /** The value this connection holds for {@code secret}, or null. */
    public String secret(Secret secret) {
        return switch (secret) {
            case MONGODB_PASSWORD -> mongoPassword;
            case REDIS_PASSWORD -> redis.password();
            case REDIS_SENTINEL_PASSWORD -> redis.sentinelPassword();
            case SSH_KEY_PASSPHRASE -> ssh.keyPassphrase();
            case SSH_PASSWORD -> ssh.password();
        };
    }

    /** The secrets this connection needs and does not hold (a user name without its password, …). */
    public List<Secret> missingSecrets() {
        List<Secret> missing = new ArrayList<>();
        if (hasMongoUri() && MongoUriFields.parse(mongoUri).username() != null && mongoPassword == null) {
            missing.add(Secret.MONGODB_PASSWORD);
        }
        if (redis.enabled() && redis.username() != null && !redis.username().isBlank() && redis.password() == null) {
            missing.add(Secret.REDIS_PASSWORD);
        }
        if (redis.enabled() && redis.sentinelUsername() != null && redis.sentinelPassword() == null) {
            missing.add(Secret.REDIS_SENTINEL_PASSWORD);
        }
        if (ssh.enabled() && RedisSettings.blank(ssh.privateKeyFile()) && ssh.password() == null) {
            missing.add(Secret.SSH_PASSWORD);
        }
        return missing;
    }

    public boolean hasMongoUri() {
        return mongoUri != null && !mongoUri.isBlank();
    }

    /** Production opens read-only as it does from the environment. */
    public boolean inProduction() {
        return environment == AppEnvironment.PRODUCTION;
    }

    /**
     * Checks every field; a problem is one line naming the field, and nothing is saved. The same checks as the
     * configuration from the environment (it is built through it).
     */
    public void validate() {
        if (name == null || name.isBlank()) {
            throw new StorageValidationException("Name is required");
        }
        if (!READ_PREFERENCES.contains(readPreference)) {
            throw new StorageValidationException("Read preference must be one of " + String.join(", ",
                    READ_PREFERENCES) + ", was '" + readPreference + "'");
        }
        if (ssh.enabled()) {
            MongoUriFields.checkPort("SSH port", ssh.port());
            if (ssh.user() == null || ssh.user().isBlank()) {
                throw new StorageValidationException("SSH user is required with an SSH host");
            }
            if (!RedisSettings.blank(ssh.privateKeyFile()) && !Files.isRegularFile(Path.of(ssh.privateKeyFile()))) {
                throw new StorageValidationException("SSH key file not found: " + ssh.privateKeyFile());
            }
        }
        if (redis.enabled() && redis.mode() == RedisMode.STANDALONE) {
            MongoUriFields.checkPort("Redis port", redis.port());
        }
        // passwords asked for on connect are not there yet: stand-ins let the rest be checked
        Map<Secret, String> standIns = new EnumMap<>(Secret.class);
        missingSecrets().forEach(secret -> standIns.put(secret, "stand-in"));
        withSecrets(standIns).toStorageConfig(Map.of());
    }

    /**
     * The storage library's configuration for this connection (with whatever passwords it holds now). Settings
     * that are not part of a connection (timeouts, cache TTL, where the embedded store lives) come from
     * {@code environment}, as they would without saved connections.
     */
    public StorageConfig toStorageConfig(Map<String, String> environmentVariables) {
        Map<String, String> values = new HashMap<>();
        for (String kept : List.of("CACHE_TTL", "STORAGE_TIMEOUT_MS", "EMBEDDED_DATA_DIR")) {
            if (environmentVariables.get(kept) != null) {
                values.put(kept, environmentVariables.get(kept));
            }
        }
        values.put("APP_ENV", environment.wireName());
        if (hasMongoUri()) {
            values.put("MONGODB_URI", driverUri());
        }
        values.put("MONGODB_DATABASE", database);
        values.put("INSPECTOR_READ_ONLY", String.valueOf(readOnly));
        putRedis(values);
        try {
            return StorageConfig.fromMap(values);
        } catch (StorageValidationException e) {
            throw new StorageValidationException(FormLabels.inMessage(e.getMessage()));
        }
    }

    /** The URI the driver gets: the password put back, the read preference for lists as an option. */
    private String driverUri() {
        MongoUriFields fields = MongoUriFields.parse(mongoUri);
        if (!PRIMARY.equals(readPreference)
                && !fields.options().toLowerCase(Locale.ROOT).contains("readpreference=")) {
            String options = fields.options().isBlank() ? "readPreference=" + readPreference
                    : fields.options() + "&readPreference=" + readPreference;
            fields = new MongoUriFields(fields.srv(), fields.hosts(), fields.username(), fields.database(),
                    fields.authDatabase(), fields.tls(), options);
        }
        return fields.toUri(mongoPassword);
    }

    private void putRedis(Map<String, String> values) {
        if (!redis.enabled()) {
            return;
        }
        values.put("REDIS_MODE", redis.mode().wireName());
        putIfSet(values, "REDIS_HOST", redis.host());
        values.put("REDIS_PORT", String.valueOf(redis.port()));
        putIfSet(values, "REDIS_USERNAME", redis.username());
        putIfSet(values, "REDIS_PASSWORD", redis.password());
        values.put("REDIS_TLS", String.valueOf(redis.tls()));
        if (redis.tls()) {
            values.put("REDIS_TLS_VERIFY_HOST", String.valueOf(redis.tlsVerifyHost()));
            putIfSet(values, "REDIS_TLS_CA_FILE", redis.tlsCaFile());
            putIfSet(values, "REDIS_TLS_CERT_FILE", redis.tlsCertFile());
            putIfSet(values, "REDIS_TLS_KEY_FILE", redis.tlsKeyFile());
        }
        switch (redis.mode()) {
            case SENTINEL -> {
                putIfSet(values, "REDIS_SENTINELS", redis.sentinels());
                putIfSet(values, "REDIS_MASTER_NAME", redis.masterName());
                putIfSet(values, "REDIS_SENTINEL_USERNAME", redis.sentinelUsername());
                putIfSet(values, "REDIS_SENTINEL_PASSWORD", redis.sentinelPassword());
            }
            case CLUSTER -> putIfSet(values, "REDIS_NODES", redis.nodes());
            case STANDALONE -> {
            }
        }
        putIfSet(values, "REDIS_KEY_PREFIX", redis.keyPrefix());
    }

    private static void putIfSet(Map<String, String> values, String name, String value) {
        if (value != null && !value.isBlank()) {
            values.put(name, value.trim());
        }
    }

    @Override
    public String toString() {
        return "SavedConnection[name=" + name + ", environment=" + environment.wireName() + ", mongo=" + mongoUri
                + ", mongoPassword=" + (mongoPassword == null ? "none" : "***") + ", database=" + database
                + ", readPreference=" + readPreference + ", redis=" + redis + ", readOnly=" + readOnly + ", ssh="
                + ssh + ", savePassword=" + savePassword + ", lastUsed=" + lastUsed + "]";
    }
}
