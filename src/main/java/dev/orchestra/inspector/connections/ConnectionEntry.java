package dev.orchestra.inspector.connections;

import dev.orchestra.connections.SavedConnection;

/**
 * A row of the Connect dialog's list: a saved connection, or the read-only entry for the configuration from the
 * environment and {@code .env} ({@code saved} null).
 */
public record ConnectionEntry(String name, SavedConnection saved) {
    public static final String FROM_ENVIRONMENT = "From environment";

    public static ConnectionEntry fromEnvironment() {
        return new ConnectionEntry(FROM_ENVIRONMENT, null);
    }

    public static ConnectionEntry of(SavedConnection saved) {
        return new ConnectionEntry(saved.name(), saved);
    }

    public boolean isFromEnvironment() {
        return saved == null;
    }

    /** What the list shows: the name and the environment. */
    public String display() {
        return isFromEnvironment() ? name + " (APP_ENV, .env)" : name + " · " + saved.environment().wireName();
    }
}
