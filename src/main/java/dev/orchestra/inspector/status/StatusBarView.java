package dev.orchestra.inspector.status;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;
import javafx.util.Duration;
import org.controlsfx.control.StatusBar;

/** Binds the status bar to {@link StatusBarViewModel}; a one-second timeline ages the "checked … ago" texts. */
public class StatusBarView {
    private final StatusBarViewModel model;
    private final Timeline clock;

    @FXML private StatusBar bar;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label mongoLabel;
    @FXML private Circle mongoLight;
    @FXML private Label redisLabel;
    @FXML private Circle redisLight;
    @FXML private Label overallLabel;

    public StatusBarView(StatusBarViewModel model) {
        this.model = model;
        this.clock = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));
        clock.setCycleCount(Timeline.INDEFINITE);
    }

    @FXML
    private void initialize() {
        bar.textProperty().bind(model.messageProperty());
        busyIndicator.visibleProperty().bind(model.busyProperty().greaterThan(0));
        busyIndicator.managedProperty().bind(busyIndicator.visibleProperty());
        bindIndicator(model.mongo(), mongoLabel, mongoLight);
        bindIndicator(model.redis(), redisLabel, redisLight);
        overallLabel.textProperty().bind(model.overallTextProperty());
        styleByLight(overallLabel, model.overallLightProperty());
        overallLabel.setTooltip(new Tooltip("Overall health: ok, degraded (Redis down, MongoDB up) or error "
                + "(MongoDB down)"));
        clock.play();
    }

    private static void bindIndicator(ComponentIndicator indicator, Label label, Circle light) {
        label.textProperty().bind(indicator.textProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(indicator.tooltipProperty());
        label.setTooltip(tip);
        styleByLight(light, indicator.lightProperty());
        styleByLight(label, indicator.lightProperty());
    }

    private static void styleByLight(javafx.scene.Node node, ReadOnlyObjectProperty<Light> light) {
        Runnable apply = () -> {
            for (Light l : Light.values()) {
                node.getStyleClass().remove(l.styleClass());
            }
            node.getStyleClass().add(light.get().styleClass());
        };
        apply.run();
        light.addListener((obs, was, is) -> apply.run());
    }

    public StatusBar bar() {
        return bar;
    }

    public Label mongoLabel() {
        return mongoLabel;
    }

    public Label redisLabel() {
        return redisLabel;
    }

    public void stop() {
        clock.stop();
    }
}
