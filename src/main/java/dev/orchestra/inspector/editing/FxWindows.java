package dev.orchestra.inspector.editing;

import dev.orchestra.inspector.common.ViewLoader;
import java.util.List;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Makes the app's secondary windows: owned by the main window, with its stylesheets and theme class. */
public final class FxWindows {
    private final ViewLoader loader;
    private Window owner;

    public FxWindows(ViewLoader loader) {
        this.loader = loader;
    }

    public void setOwner(Window owner) {
        this.owner = owner;
    }

    public Window owner() {
        return owner;
    }

    public ViewLoader loader() {
        return loader;
    }

    public Stage stage(String title, Parent root, boolean modal) {
        Stage stage = new Stage();
        stage.setTitle(title);
        Scene scene = new Scene(root);
        if (owner != null) {
            stage.initOwner(owner);
            if (owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
                root.getStyleClass().addAll(owner.getScene().getRoot().getStyleClass().stream()
                        .filter(c -> List.of("dark").contains(c)).toList());
            }
        }
        root.getStyleClass().add("root-window");
        if (modal) {
            stage.initModality(Modality.WINDOW_MODAL);
        }
        stage.setScene(scene);
        return stage;
    }
}
