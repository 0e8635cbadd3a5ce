package dev.orchestra.inspector;

import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: one main window, built by {@link AppContext} for the connection {@link ConnectedWindow} opens. */
public class InspectorApp extends Application {
    private ConnectedWindow window;

    @Override
    public void start(Stage stage) {
        window = ConnectedWindow.forApp(stage);
        window.start();
    }

    @Override
    public void stop() {
        if (window != null) {
            window.close();
        }
    }
}
