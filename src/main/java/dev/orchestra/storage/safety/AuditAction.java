package dev.orchestra.storage.safety;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an {@code inspector_audit} entry records; stored by {@link #wireName()}. */
public enum AuditAction {
    INSERT, UPDATE, DELETE, BULK_DELETE, DELETE_SESSION, RESTORE,
    /** Written before an import batch: the ids it is about to write ("up to" their count), so none goes unaudited. */
    IMPORT_STARTED,
    /** Written after an import batch: the ids written and the counts. */
    IMPORT,
    /** An index built on a user's request. */
    CREATE_INDEX,
    /** A stale or orphan cache key of ours deleted by the coherence repair. */
    CACHE_REPAIR,
    /** A foreign value under our cache key names deleted on a user's explicit request. */
    DELETE_FOREIGN_CACHE_KEY,
    /** A Redis key deleted from the key browser ({@code before}: its facts and its DUMP). */
    DELETE_KEY,
    /** A Redis key's time to live set or removed from the key browser. */
    SET_KEY_TTL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuditAction> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(name)).findFirst();
    }
}
