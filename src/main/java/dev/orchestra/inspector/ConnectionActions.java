package dev.orchestra.inspector;

import java.util.List;

/** What the main window may ask of the connection it shows: Connect…, another database, the server's databases. */
public interface ConnectionActions {
    /** A window without saved connections (tests, screenshots): the actions do nothing. */
    ConnectionActions NONE = new ConnectionActions() {
        @Override
        public void openConnectDialog() {
        }

        @Override
        public void switchDatabase(String database) {
        }

        @Override
        public List<String> databaseNames() {
            return List.of();
        }
    };

    void openConnectDialog();

    /** Opens {@code database} on the same servers. */
    void switchDatabase(String database);

    /** The databases the server lists (blocking: called on a worker thread); empty when it may not list them. */
    List<String> databaseNames();
}
