package dev.orchestra.inspector;

import javafx.application.Application;

/**
 * The entry point on the classpath. It must not extend {@link Application}: launching an Application subclass
 * directly without JavaFX modules fails with "JavaFX runtime components are missing".
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(InspectorApp.class, args);
    }
}
