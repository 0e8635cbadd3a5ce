package dev.orchestra.inspector.connections;

import dev.orchestra.connections.ssh.SshSettings;
import dev.orchestra.storage.config.StorageConfig;
import java.util.Optional;

/** What the Connect dialog asks of the window: close the open store and open this one, without a restart. */
@FunctionalInterface
public interface ConnectionSwitch {
    /**
     * @param name   shown in the title bar ("From environment" for the environment's configuration)
     * @param label  the connection's colour or label, or null
     * @param config where to connect, passwords included
     * @param ssh    the bastion to go through, or empty
     * @return false when the user chose to stay (unsaved edits)
     */
    boolean switchTo(String name, String label, StorageConfig config, Optional<SshSettings> ssh);
}
