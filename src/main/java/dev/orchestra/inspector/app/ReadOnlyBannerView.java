package dev.orchestra.inspector.app;

import dev.orchestra.inspector.common.Icons;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import org.controlsfx.glyphfont.FontAwesome;

/** Binds {@link ReadOnlyBannerViewModel}. */
public class ReadOnlyBannerView {
    private static final PseudoClass UNLOCKED = PseudoClass.getPseudoClass("unlocked");

    private final ReadOnlyBannerViewModel model;

    @FXML private HBox root;
    @FXML private Label messageLabel;
    @FXML private Button unlockButton;
    @FXML private Button lockButton;

    public ReadOnlyBannerView(ReadOnlyBannerViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        root.visibleProperty().bind(model.lockedProperty().or(model.unlockedByUserProperty()));
        root.managedProperty().bind(root.visibleProperty());
        messageLabel.textProperty().bind(model.textProperty());
        messageLabel.setGraphic(Icons.glyph(FontAwesome.Glyph.LOCK, "banner-icon"));
        root.pseudoClassStateChanged(UNLOCKED, model.unlockedByUserProperty().get());
        model.unlockedByUserProperty().addListener((obs, was, is) -> root.pseudoClassStateChanged(UNLOCKED, is));
        unlockButton.setGraphic(Icons.glyph(FontAwesome.Glyph.UNLOCK));
        unlockButton.visibleProperty().bind(model.lockedProperty().and(
                Bindings.createBooleanBinding(model::canUnlock)));
        unlockButton.managedProperty().bind(unlockButton.visibleProperty());
        lockButton.visibleProperty().bind(model.unlockedByUserProperty());
        lockButton.managedProperty().bind(lockButton.visibleProperty());
    }

    @FXML
    private void unlock() {
        model.unlock();
    }

    @FXML
    private void lockAgain() {
        model.lockAgain();
    }

    public HBox root() {
        return root;
    }
}
