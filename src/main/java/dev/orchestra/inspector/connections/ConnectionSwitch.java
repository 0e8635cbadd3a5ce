package dev.orchestra.inspector.connections;

import dev.orchestra.storage.config.StorageConfig;

/** What the Connect dialog asks of the window: close the open store and open this one, without a restart. */
@FunctionalInterface
public interface ConnectionSwitch {
    /**
     * @param name   shown in the title bar ("From environment" for the environment's configuration)
     * @param label  the connection's colour or label, or null
     * @param config where to connect, passwords included
     * @return false when the user chose to stay (unsaved edits)
     */
    boolean switchTo(String name, String label, StorageConfig config);
}
