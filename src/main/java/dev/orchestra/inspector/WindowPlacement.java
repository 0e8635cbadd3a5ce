package dev.orchestra.inspector;

import javafx.beans.property.BooleanProperty;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Where the main window opens and how big: a size that fits the primary screen, then what {@link WindowSettings}
 * remembered from the last run (size and position only when they are still on a screen); on close it remembers them
 * again, with the theme.
 */
final class WindowPlacement {
    private final WindowSettings settings;
    private final BooleanProperty darkTheme;
    private Stage stage;

    WindowPlacement(WindowSettings settings, BooleanProperty darkTheme) {
        this.settings = settings;
        this.darkTheme = darkTheme;
    }

    void place(Stage window) {
        this.stage = window;
        var screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(Math.min(1440, screen.getWidth() * 0.94));
        stage.setHeight(Math.min(900, screen.getHeight() * 0.94));
        stage.setMinWidth(900);
        stage.setMinHeight(560);
        settings.load().ifPresent(this::restore);
    }

    /** Size and position only when they are still on a screen (a monitor may have gone since). */
    private void restore(WindowSettings.WindowState state) {
        darkTheme.set(state.dark());
        if (state.width() >= stage.getMinWidth() && state.height() >= stage.getMinHeight()
                && !Screen.getScreensForRectangle(state.x(), state.y(), state.width(), state.height()).isEmpty()) {
            stage.setX(state.x());
            stage.setY(state.y());
            stage.setWidth(state.width());
            stage.setHeight(state.height());
        }
        stage.setMaximized(state.maximized());
    }

    /** Remembers the window for the next run; nothing when it was never placed. */
    void remember() {
        if (stage != null) {
            settings.save(new WindowSettings.WindowState(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized(), darkTheme.get()));
        }
    }
}
