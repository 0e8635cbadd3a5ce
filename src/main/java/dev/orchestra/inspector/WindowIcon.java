package dev.orchestra.inspector;

import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The window icon, decoded by JavaFX's image loader thread instead of the FX thread while the window is built;
 * 64 px (the size title bars and task bars use), because handing a 256 px one to the window cost the FX thread
 * ~30 ms of conversion at start-up.
 */
final class WindowIcon {
    private WindowIcon() {
    }

    static void addWhenLoaded(Stage stage) {
        var icon = WindowIcon.class.getResource("icon.png");
        if (icon == null || !stage.getIcons().isEmpty()) {
            return;
        }
        Image image = new Image(icon.toExternalForm(), true);
        image.progressProperty().addListener((obs, was, progress) -> {
            if (progress.doubleValue() >= 1 && !image.isError() && stage.getIcons().isEmpty()) {
                stage.getIcons().add(image);
            }
        });
    }
}
