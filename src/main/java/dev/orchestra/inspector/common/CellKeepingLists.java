package dev.orchestra.inspector.common;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;

/**
 * Replaces what a list shows so that a {@code TableView} or {@code ListView} bound to it keeps its cells.
 *
 * <p>{@code list.setAll(page)} reports one "replaced" change, and a table's skin answers a replacement (or a removal
 * of every item) by throwing all its rows and cells away and building new ones — new nodes, styled from scratch —
 * on the next pulse. For a page of 500 rows that was the longest FX pulse while paging (the GUI benchmark). Here the
 * same result is reached by a removal, an addition and a removal that never empty the list, so the skin sees a list
 * of the same length with new items and only gives its existing cells their new items.
 */
public final class CellKeepingLists {
    private CellKeepingLists() {
    }

    /** Makes {@code list} hold {@code items} (in that order); see the class comment. Call on the UI thread. */
    public static <T> void replaceAll(ObservableList<T> list, List<? extends T> newItems) {
        List<? extends T> items = newItems == list ? new ArrayList<>(newItems) : newItems;
        int old = list.size();
        if (old == 0 || items.isEmpty()) {
            list.setAll(items); // nothing to keep: no cells before, or none after
            return;
        }
        if (old > 1) {
            list.remove(1, old); // the first item stays, so the list is never emptied
        }
        list.addAll(items);
        list.remove(0);
    }
}
