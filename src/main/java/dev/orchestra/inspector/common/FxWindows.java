package dev.orchestra.inspector.common;

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
        return stage(title, root, modal, owner);
    }

    /** A window owned by {@code windowOwner} (e.g. a dialog over an editor), styled like the main window. */
    public Stage stage(String title, Parent root, boolean modal, Window windowOwner) {
        Stage stage = new Stage();
        stage.setTitle(title);
        Scene scene = new Scene(root);
        if (windowOwner != null) {
            stage.initOwner(windowOwner);
        }
        if (owner != null) {
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
