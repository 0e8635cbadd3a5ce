package dev.orchestra.inspector;

import dev.orchestra.cli.AppLogging;
import dev.orchestra.cli.CliMain;
import javafx.application.Application;

/**
 * The entry point of the jar and the packaged app: no arguments opens the inspector window; arguments run the
 * command-line interface ({@code health}, {@code export}, ...), so one artifact serves both.
 *
 * <p>It must not extend {@link Application}: launching an Application subclass directly without JavaFX modules fails
 * with "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        AppLogging.useAppConfiguration(System.getProperties());
        if (args.length > 0) {
            System.exit(CliMain.run(args));
        }
        StartupWarmUp.begin();
        Application.launch(InspectorApp.class, args);
    }
}
