package dev.orchestra.inspector.documents;

import dev.orchestra.inspector.common.Icons;
import dev.orchestra.inspector.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Pane;
import org.controlsfx.glyphfont.FontAwesome;

/** Binds a pager bar (first/previous/next, page number, page size, total) and a filter bar to a table model. */
public final class PagerControls {
    private PagerControls() {
    }

    public static void bind(PagedDocumentsViewModel model, Messages messages, Button first, Button previous,
                            Button next, Label pageLabel, ComboBox<Integer> pageSize, Label totalLabel) {
        first.setGraphic(Icons.glyph(FontAwesome.Glyph.STEP_BACKWARD));
        previous.setGraphic(Icons.glyph(FontAwesome.Glyph.CHEVRON_LEFT));
        next.setGraphic(Icons.glyph(FontAwesome.Glyph.CHEVRON_RIGHT));
        next.setContentDisplay(ContentDisplay.RIGHT);
        first.setOnAction(e -> model.first());
        previous.setOnAction(e -> model.previous());
        next.setOnAction(e -> model.next());
        first.disableProperty().bind(model.hasPreviousProperty().not().or(model.loadingProperty()));
        previous.disableProperty().bind(model.hasPreviousProperty().not().or(model.loadingProperty()));
        next.disableProperty().bind(model.hasNextProperty().not().or(model.loadingProperty()));
        pageLabel.textProperty().bind(Bindings.createStringBinding(() -> messages.format("pager.page",
                model.pageNumberProperty().get(), model.rows().size()), model.pageNumberProperty(), model.rows()));
        pageSize.getItems().setAll(PagedDocumentsViewModel.PAGE_SIZES);
        pageSize.setValue(model.pageSizeProperty().get());
        pageSize.valueProperty().addListener((obs, was, is) -> {
            if (is != null) {
                model.pageSizeProperty().set(is);
            }
        });
        totalLabel.textProperty().bind(Bindings.createStringBinding(() -> messages.format("pager.total",
                model.totalProperty().get(), pluralCount(model.totalProperty().get())), model.totalProperty()));
    }

    /** The number a count label's plural agrees with: "1" is singular, "≥ 1000", "…" and "?" are plural. */
    static long pluralCount(String total) {
        return "1".equals(total) ? 1 : 2;
    }

    /** Enter anywhere in the filter bar applies the filter (caught before editable combo boxes consume it). */
    public static void applyOnEnter(Pane filterBar, PagedDocumentsViewModel model) {
        filterBar.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.applyFilter();
                e.consume();
            }
        });
    }
}
