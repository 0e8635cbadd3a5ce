package dev.orchestra.inspector.common;

/** Moves between views with context (implemented by the main window's ViewModel). */
public interface Navigator {
    /** Sessions view with this session's transcript open. */
    void showConversation(String userId, String sessionId);

    /** Memory items view filtered to one session. */
    void showMemoryItems(String userId, String sessionId);

    Navigator NONE = new Navigator() {
        @Override
        public void showConversation(String userId, String sessionId) {
        }

        @Override
        public void showMemoryItems(String userId, String sessionId) {
        }
    };
}
