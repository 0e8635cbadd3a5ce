package dev.orchestra.cli;

import dev.orchestra.storage.factory.MemoryManagerFactory;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest; "development build" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"orchestra-inspector " + version()};
    }

    /** The same version the GUI and the health report show. */
    String version() {
        return MemoryManagerFactory.version();
    }
}
