package dev.orchestra.inspector;

import dev.orchestra.inspector.common.StoreConnection;
import javafx.animation.PauseTransition;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.Pane;
import javafx.util.Duration;

/**
 * The connecting overlay's spinner, added only when connecting takes a while: the embedded store is open before it
 * would show, and an indeterminate spinner (a dozen animated regions) built at start-up cost the first page time it
 * never used (BENCHMARKS.md, "gui launch").
 */
final class ConnectingSpinner {
    static final Duration DELAY = Duration.millis(400);

    private ConnectingSpinner() {
    }

    /**
     * Adds a spinner at the top of {@code overlay} once {@code store} has been connecting for {@link #DELAY}.
     *
     * @return the delay's timer (a test can tell from its status when it has run)
     */
    static PauseTransition addWhenSlow(StoreConnection store, Pane overlay) {
        PauseTransition delay = new PauseTransition(DELAY);
        delay.setOnFinished(e -> {
            boolean connecting = store.stateProperty().get() == StoreConnection.State.CONNECTING;
            if (connecting && overlay.lookup(".connecting-spinner") == null) {
                ProgressIndicator spinner = new ProgressIndicator();
                spinner.getStyleClass().add("connecting-spinner");
                spinner.setPrefSize(48, 48);
                spinner.visibleProperty().bind(store.stateProperty().isEqualTo(StoreConnection.State.CONNECTING));
                spinner.managedProperty().bind(spinner.visibleProperty());
                overlay.getChildren().add(0, spinner);
            }
        });
        store.stateProperty().addListener((obs, was, is) -> {
            if (is == StoreConnection.State.CONNECTING) {
                delay.playFromStart();
            }
        });
        if (store.stateProperty().get() == StoreConnection.State.CONNECTING) {
            delay.playFromStart();
        }
        return delay;
    }
}
