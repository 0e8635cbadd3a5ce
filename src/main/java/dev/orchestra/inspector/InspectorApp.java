package dev.orchestra.inspector;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window built by {@link AppContext}. */
public class InspectorApp extends Application {
    private AppContext context;

    @Override
    public void start(Stage stage) {
        context = AppContext.fromEnvironment();
        context.show(stage);
    }

    @Override
    public void stop() {
        if (context != null) {
            context.close();
        }
    }
}
