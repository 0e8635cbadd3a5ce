package dev.orchestra.inspector.transfer;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.scene.control.Label;

/** What both dialogs do the same way. */
final class TransferViews {
    private TransferViews() {
    }

    /** The summary line turns green when all went well, amber after rejected lines or a cancel, red after a failure or refusal. */
    static void styleMessage(Label label, ReadOnlyObjectProperty<TransferStatus.Outcome> outcome) {
        Runnable update = () -> {
            label.getStyleClass().removeAll("transfer-done", "transfer-warning", "transfer-problem");
            switch (outcome.get()) {
                case OK -> label.getStyleClass().add("transfer-done");
                case WARNING -> label.getStyleClass().add("transfer-warning");
                case PROBLEM -> label.getStyleClass().add("transfer-problem");
                case NONE -> { }
            }
        };
        outcome.addListener((obs, was, is) -> update.run());
        update.run();
    }
}
