package dev.orchestra.inspector.editing;

/** Opens editor windows (the app: a window per editor; tests: remembers them). */
@FunctionalInterface
public interface EditorWindows {
    void open(DocumentEditorViewModel editor);
}
