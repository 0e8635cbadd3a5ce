package dev.orchestra.inspector.connections;

import dev.orchestra.connections.ConnectionStore;
import dev.orchestra.connections.SavedConnection;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The Connect dialog's changes to the saved list, each written at once through {@link ConnectionStore}; each returns
 * the line the dialog shows, and a refused change (a bad field, a file that cannot be written) throws its one line.
 */
final class SavedConnectionFile {
    private final ConnectionStore store;

    SavedConnectionFile(ConnectionStore store) {
        this.store = store;
    }

    ConnectionStore.Loaded load() {
        return store.load();
    }

    /** {@code connection} in place of the one named {@code replacedName} (or added). */
    String save(List<SavedConnection> saved, String replacedName, SavedConnection connection) {
        List<SavedConnection> all = new ArrayList<>(saved);
        all.removeIf(c -> c.name().equals(replacedName));
        all.add(connection);
        store.save(all);
        return connection.savePassword()
                ? "Saved '" + connection.name() + "' with its passwords, in the owner-only file "
                + store.file().getFileName()
                : "Saved '" + connection.name() + "' (passwords are not saved: asked on connect)";
    }

    String delete(List<SavedConnection> saved, String name) {
        store.save(saved.stream().filter(c -> !c.name().equals(name)).toList());
        return "Deleted '" + name + "'";
    }

    void rememberUse(List<SavedConnection> saved, String name, Instant when) {
        store.save(saved.stream().map(c -> c.name().equals(name) ? c.withLastUsed(when) : c).toList());
    }

    /** Adds the connections of an exported file whose names are not taken; passwords are never imported. */
    String importFrom(List<SavedConnection> saved, Path file) {
        List<SavedConnection> all = new ArrayList<>(saved);
        int added = 0;
        int skipped = 0;
        for (SavedConnection imported : store.importFrom(file)) {
            if (all.stream().anyMatch(c -> c.name().equals(imported.name()))) {
                skipped++;
            } else {
                all.add(imported);
                added++;
            }
        }
        store.save(all);
        return "Imported " + added + " connection(s)" + (skipped > 0 ? ", " + skipped
                + " skipped (name already saved)" : "");
    }

    String exportTo(List<SavedConnection> saved, Path file) {
        store.exportTo(file, saved);
        return "Exported " + saved.size() + " connection(s) without passwords to " + file.getFileName();
    }
}
