package dev.orchestra.inspector.common;

/** What the main window's keyboard shortcuts do in the view that is showing. */
public interface FeatureView {
    /** Ctrl+F. */
    void focusFilter();

    /** F5. */
    void refresh();

    /** Enter: open the selected item (detail, transcript…). */
    void openSelected();

    /** Esc: cancel the running load. */
    void cancelLoad();

    /** The view became visible (true) or was hidden. */
    default void setShowing(boolean showing) {
    }
}
