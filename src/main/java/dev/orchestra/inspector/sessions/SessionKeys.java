package dev.orchestra.inspector.sessions;

import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.coherence.CacheFinding;
import dev.orchestra.storage.coherence.CoherenceChecker;
import dev.orchestra.storage.redis.CacheKeyView;
import dev.orchestra.storage.tiered.CacheInspection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A session's Redis keys as they are, with each one's coherence class (fresh, stale, …) against MongoDB. */
record SessionKeys(List<CacheKeyView> views, Map<String, CacheFinding> findings) {

    /** Read-only; empty when no cache is configured. Call off the UI thread. */
    static Optional<SessionKeys> read(DocumentStore manager, String userId, String sessionId) {
        Optional<List<CacheKeyView>> views = CacheInspection.inspectSession(manager, userId, sessionId);
        if (views.isEmpty()) {
            return Optional.empty();
        }
        Map<String, CacheFinding> findings = new HashMap<>();
        CoherenceChecker.of(manager).ifPresent(checker -> checker.classifyAll(
                views.get().stream().map(CacheKeyView::key).toList()).forEach(f -> findings.put(f.key(), f)));
        return Optional.of(new SessionKeys(views.get(), findings));
    }
}
