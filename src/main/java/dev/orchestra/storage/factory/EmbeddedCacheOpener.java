package dev.orchestra.storage.factory;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.config.Redactor;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.SessionSummary;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.redis.EmbeddedRedisServer;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.tiered.TieredMemoryManager;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded store's cache: an {@link EmbeddedRedisServer} of the app's own, the store put behind a
 * {@link TieredMemoryManager} on it, and a few sessions read through it (in the background, just after opening, or
 * when the opener's {@link BackgroundWork} is released) so that their keys are real cache entries (the tiered
 * manager's own read path fills them). When Redis cannot start, the store opens without a cache and says why in its
 * Redis health ({@link CacheUnavailableManager}).
 */
final class EmbeddedCacheOpener {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedCacheOpener.class);
    /** Sessions whose history and record are read once at start. */
    static final int WARMED_SESSIONS = 4;
    private static final int HISTORY_LIMIT = 20;

    private EmbeddedCacheOpener() {
    }

    static MemoryManager open(StorageConfig config, MemoryManager store, Supplier<EmbeddedRedisServer> starter) {
        return open(config, store, starter, BackgroundWork.immediate());
    }

    /** As above, with the warm-up started when {@code work} allows it. */
    static MemoryManager open(StorageConfig config, MemoryManager store, Supplier<EmbeddedRedisServer> starter,
                              BackgroundWork work) {
        EmbeddedRedisServer server;
        try {
            server = starter.get();
        } catch (RuntimeException e) {
            String reason = "the embedded Redis could not start: " + Redactor.PATTERNS_ONLY.redact(e.getMessage());
            log.warn("Opening without a cache: {}", reason);
            return new CacheUnavailableManager(store, reason);
        }
        try {
            RedisCache cache = RedisCache.connect(config.withRedis(server.host(), server.port(),
                    config.redisKeyPrefix()));
            TieredMemoryManager tiered = new TieredMemoryManager(store, cache);
            MemoryManager opened = new ResourceClosingMemoryManager(tiered, server);
            // in the background: the window's first page must not wait for it
            work.start("embedded-cache-warm", () -> warm(tiered));
            return opened;
        } catch (RuntimeException e) {
            MemoryManagerFactory.closeQuietly(server);
            String reason = "the embedded Redis failed: " + Redactor.PATTERNS_ONLY.redact(e.getMessage());
            log.warn("Opening without a cache: {}", reason);
            return new CacheUnavailableManager(store, reason);
        }
    }

    /**
     * Reads the most recent sessions as the app would: their history and session record become cache keys. A store
     * closed meanwhile (the app quit at once) only ends it early.
     */
    private static void warm(TieredMemoryManager tiered) {
        try {
            log.info("Embedded Redis: warmed the cache keys of {} sessions", warmSessions(tiered));
        } catch (RuntimeException e) {
            log.debug("Warming the embedded cache stopped: {}", Redactor.PATTERNS_ONLY.redact(e.getMessage()));
        }
    }

    private static int warmSessions(TieredMemoryManager tiered) {
        int warmed = 0;
        for (SessionSummary session : tiered.listSessions(null, WARMED_SESSIONS * 2)) {
            if (warmed == WARMED_SESSIONS) {
                break;
            }
            if (session.userId() == null || session.sessionId() == null || session.itemCount() == 0) {
                continue;
            }
            tiered.getConversationHistory(session.userId(), session.sessionId(), HISTORY_LIMIT, null);
            tiered.findPage(StoreCollection.USER_SESSIONS,
                    DocumentFilter.forSession(session.userId(), session.sessionId()), PageRequest.first(1));
            warmed++;
        }
        return warmed;
    }
}
