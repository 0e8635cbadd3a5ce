package dev.orchestra.inspector.transfer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Label;

/** What both dialogs do the same way. */
final class TransferViews {
    private TransferViews() {
    }

    /** The summary line turns green when all went well, red after a failure, cancel, refusal or rejected lines. */
    static void styleMessage(Label label, ReadOnlyObjectProperty<TransferStatus.Outcome> outcome) {
        Runnable update = () -> {
            label.getStyleClass().removeAll("transfer-done", "transfer-problem");
            switch (outcome.get()) {
                case OK -> label.getStyleClass().add("transfer-done");
                case PROBLEM -> label.getStyleClass().add("transfer-problem");
                case NONE -> { }
            }
        };
        outcome.addListener((obs, was, is) -> update.run());
        update.run();
    }
}
