package dev.orchestra.storage.coherence;

import dev.orchestra.storage.coherence.CacheKeyName.Kind;
import dev.orchestra.storage.coherence.RawKeyReader.RawKey;
import dev.orchestra.storage.mapping.MemoryItemMapper;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.redis.CachedList;
import dev.orchestra.storage.redis.CachedValues;
import dev.orchestra.storage.tiered.CacheTruth;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Classifies one key as read by {@link RawKeyReader} against the source of truth. Foreign values (not our type, no
 * format marker, not JSON, too long to be ours) are classified on what Redis says about them alone.
 */
final class KeyClassifier {
    private final CacheTruth truth;
    private final Duration expiringBelow;
    private long sourceReads;

    KeyClassifier(CacheTruth truth, Duration expiringBelow) {
        this.truth = truth;
        this.expiringBelow = expiringBelow;
    }

    long sourceReads() {
        return sourceReads;
    }

    CacheFinding classify(CacheKeyName name, RawKey raw) {
        String kind = name.kind() == Kind.HISTORY ? "history" : "session";
        if ("none".equals(raw.type())) {
            return finding(name, kind, CoherenceClass.ABSENT, raw, ItemDiff.NONE, "no such key");
        }
        return name.kind() == Kind.HISTORY ? history(name, raw) : session(name, raw);
    }

    static CacheFinding notOurs(String key) {
        return new CacheFinding(key, "other", CoherenceClass.NOT_OURS, "?", -2, null, null, ItemDiff.NONE,
                "not a history:* or session:* key under the prefix");
    }

    private CacheFinding history(CacheKeyName name, RawKey raw) {
        Optional<CachedList> cached = !"list".equals(raw.type()) || raw.list() == null
                || raw.length() > raw.list().size() ? Optional.empty() : CachedValues.decodeList(raw.list());
        if (cached.isEmpty()) {
            return foreign(name, "history", raw);
        }
        sourceReads++;
        List<MemoryItem> items = truth.historyFromSource(name.userId(), name.sessionId());
        List<BsonDocument> elements = cached.get().elements();
        if (items.isEmpty() && !elements.isEmpty()) {
            return finding(name, "history", CoherenceClass.ORPHAN, raw, ItemDiff.NONE,
                    elements.size() + " cached items, none in MongoDB");
        }
        ItemDiff diff = ItemDiff.ofItems(byId(elements), byId(items.stream().map(MemoryItemMapper::toDocument).toList()));
        if (!diff.isEmpty()) {
            return finding(name, "history", CoherenceClass.STALE, raw, diff, diff.summary());
        }
        return freshOrExpiring(name, "history", raw, items.size() + " items, as in MongoDB");
    }

    private CacheFinding session(CacheKeyName name, RawKey raw) {
        Optional<BsonDocument> cached = !"hash".equals(raw.type()) || raw.hash() == null ? Optional.empty()
                : CachedValues.decodeHash(raw.hash());
        if (cached.isEmpty()) {
            return foreign(name, "session", raw);
        }
        sourceReads++;
        Optional<BsonDocument> record = truth.sessionFromSource(name.userId(), name.sessionId());
        if (record.isEmpty()) {
            return finding(name, "session", CoherenceClass.ORPHAN, raw, ItemDiff.NONE, "no session record in MongoDB");
        }
        ItemDiff diff = ItemDiff.ofDocument(cached.get(), record.get());
        if (!diff.isEmpty()) {
            return finding(name, "session", CoherenceClass.STALE, raw, diff, "fields differ: "
                    + String.join(", ", diff.changed()));
        }
        return freshOrExpiring(name, "session", raw, "session record, as in MongoDB");
    }

    private CacheFinding freshOrExpiring(CacheKeyName name, String kind, RawKey raw, String detail) {
        if (raw.ttlMillis() >= 0 && raw.ttlMillis() < expiringBelow.toMillis()) {
            return finding(name, kind, CoherenceClass.EXPIRING, raw, ItemDiff.NONE, detail + "; expires in "
                    + Math.max(1, raw.ttlMillis() / 1000) + " s");
        }
        return finding(name, kind, CoherenceClass.FRESH, raw, ItemDiff.NONE, detail);
    }

    private static CacheFinding foreign(CacheKeyName name, String kind, RawKey raw) {
        String size = raw.length() > 0 ? ", " + raw.length() + ("string".equals(raw.type()) ? "" : " elements") : "";
        return finding(name, kind, CoherenceClass.FOREIGN, raw, ItemDiff.NONE,
                "not our format (" + raw.type() + size + "): never decoded, never repaired");
    }

    private static CacheFinding finding(CacheKeyName name, String kind, CoherenceClass coherence, RawKey raw,
                                        ItemDiff diff, String detail) {
        return new CacheFinding(name.key(), kind, coherence, raw.type(), raw.ttlMillis(), name.userId(),
                name.sessionId(), diff, detail);
    }

    private static Map<BsonValue, BsonDocument> byId(List<BsonDocument> documents) {
        Map<BsonValue, BsonDocument> byId = new LinkedHashMap<>();
        documents.forEach(d -> byId.put(d.get("_id"), d));
        return byId;
    }
}
