package dev.orchestra.inspector.status;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import org.controlsfx.control.StatusBar;

/** Binds the status bar to {@link StatusBarViewModel} and runs the model's clock while it is shown. */
public class StatusBarView {
    private final StatusBarViewModel model;

    @FXML private StatusBar bar;
    @FXML private Label busyLabel;
    @FXML private Label mongoLabel;
    @FXML private Circle mongoLight;
    @FXML private Label redisLabel;
    @FXML private Circle redisLight;
    @FXML private Label overallLabel;

    public StatusBarView(StatusBarViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        // The message gives way to the indicators, never the other way round; the whole text is in the tooltip.
        bar.textProperty().bind(Bindings.createStringBinding(() -> {
            String m = model.messageProperty().get();
            return m.length() > 90 ? m.substring(0, 89) + "…" : m;
        }, model.messageProperty()));
        Tooltip messageTip = new Tooltip();
        messageTip.textProperty().bind(model.messageProperty());
        messageTip.setWrapText(true);
        messageTip.setMaxWidth(600);
        bar.setTooltip(messageTip);
        for (Label l : new Label[] {busyLabel, mongoLabel, redisLabel, overallLabel}) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        // A still "Working…", not an indeterminate spinner: the spinner made the renderer paint a frame 60 times a
        // second for as long as any background job ran (a hung server: all the time), competing with the FX thread.
        busyLabel.visibleProperty().bind(model.busyProperty().greaterThan(0));
        busyLabel.managedProperty().bind(busyLabel.visibleProperty());
        bindIndicator(model.mongo(), mongoLabel, mongoLight);
        bindIndicator(model.redis(), redisLabel, redisLight);
        overallLabel.textProperty().bind(model.overallTextProperty());
        styleByLight(overallLabel, model.overallLightProperty());
        overallLabel.setTooltip(new Tooltip("Overall health: ok, degraded (Redis down, MongoDB up) or error "
                + "(MongoDB down)"));
        model.startClock();
    }

    private static void bindIndicator(ComponentIndicator indicator, Label label, Circle light) {
        label.textProperty().bind(indicator.textProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(indicator.tooltipProperty());
        label.setTooltip(tip);
        styleByLight(light, indicator.lightProperty());
        styleByLight(label, indicator.lightProperty());
    }

    private static void styleByLight(Node node, ReadOnlyObjectProperty<Light> light) {
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
        model.stopClock();
    }
}
