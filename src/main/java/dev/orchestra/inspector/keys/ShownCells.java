package dev.orchestra.inspector.keys;

import java.util.Objects;
import java.util.function.Function;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.beans.WeakInvalidationListener;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;

/**
 * Text columns whose cells read their text again each time {@code shown} changes: the group counts, sizes and
 * classes on screen follow the listing while pages arrive. Only the cells that exist (a screenful) listen, one
 * listener each for their whole life, and only those whose text changed are updated, where a {@code refresh()} of
 * the view would make every cell anew.
 */
final class ShownCells {
    private ShownCells() {
    }

    static <S> void tree(TreeTableColumn<S, String> column, Observable shown, Function<S, String> text) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(orEmpty(text.apply(c.getValue().getValue()))));
        column.setCellFactory(c -> new TreeTableCell<>() {
            private final InvalidationListener update = follow(shown, () -> {
                S row = isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
                String now = changed(row, getItem(), text);
                if (now != null) {
                    updateItem(now, false);
                }
            });

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
    }

    static <S> void table(TableColumn<S, String> column, Observable shown, Function<S, String> text) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(orEmpty(text.apply(c.getValue()))));
        column.setCellFactory(c -> new TableCell<>() {
            private final InvalidationListener update = follow(shown, () -> {
                S row = isEmpty() || getTableRow() == null ? null : getTableRow().getItem();
                String now = changed(row, getItem(), text);
                if (now != null) {
                    updateItem(now, false);
                }
            });

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
    }

    /** A listener on {@code shown} that lives as long as the cell holding it (the cell keeps the only strong link). */
    private static InvalidationListener follow(Observable shown, Runnable update) {
        InvalidationListener listener = o -> update.run();
        shown.addListener(new WeakInvalidationListener(listener));
        return listener;
    }

    /** The text {@code item}'s cell should show now, or null when it shows it already (or shows no row). */
    private static <S> String changed(S item, String shownText, Function<S, String> text) {
        String now = item == null ? null : orEmpty(text.apply(item));
        return now != null && !Objects.equals(shownText, now) ? now : null;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
