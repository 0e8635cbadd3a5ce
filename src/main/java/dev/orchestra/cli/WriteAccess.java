package dev.orchestra.cli;

import picocli.CommandLine.Option;

/** The deliberate unlock for stores that open read-only (APP_ENV=production). */
final class WriteAccess {
    @Option(names = "--allow-writes",
            description = "allow writes where the configuration opens read-only (APP_ENV=production); "
                    + "INSPECTOR_READ_ONLY=true still refuses")
    boolean allowWrites;
}
