package dev.orchestra.storage.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import dev.orchestra.storage.config.NetworkRoute;
import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.error.StorageValidationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A MongoDB client, the settings it was made from and whether the manager holding it closes it: the first manager
 * owns it; those it opens on other databases ({@code DatabaseSwitching.onDatabase}) share it and leave it open.
 * {@code client} is null until the owning manager has checked its arguments and connects.
 */
record MongoClientShare(MongoClient client, boolean owned, ConnectionString connection, MongoErrors errors,
                      String hosts, Duration operationTimeout, NetworkRoute route) {
    static MongoClientShare unopened(String connectionString, Duration operationTimeout, NetworkRoute route) {
        Objects.requireNonNull(route, "route");
        if (operationTimeout == null || operationTimeout.isNegative() || operationTimeout.isZero()) {
            throw new StorageValidationException("The operation timeout must be positive");
        }
        ConnectionString connection = MongoConnection.parse(connectionString);
        String hosts = MongoConnection.hosts(connection);
        List<String> passwords = new ArrayList<>();
        Redactor.passwordIn(connectionString).ifPresent(passwords::add);
        if (connection.getPassword() != null) {
            passwords.add(new String(connection.getPassword()));
        }
        MongoErrors errors = new MongoErrors(hosts, Redactor.forSecrets(passwords));
        return new MongoClientShare(null, true, connection, errors, hosts, operationTimeout, route);
    }

    MongoClientShare openedWith(MongoClient opened) {
        return new MongoClientShare(opened, true, connection, errors, hosts, operationTimeout, route);
    }

    MongoClientShare shared() {
        return new MongoClientShare(client, false, connection, errors, hosts, operationTimeout, route);
    }
}
