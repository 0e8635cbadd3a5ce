package dev.orchestra.storage.coherence;

import dev.orchestra.storage.coherence.CacheKeyName.Kind;
import dev.orchestra.storage.coherence.RawKeyReader.RawKey;
import dev.orchestra.storage.mapping.MemoryItemMapper;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.SessionRef;
import dev.orchestra.storage.redis.CachedList;
import dev.orchestra.storage.redis.CachedValues;
import dev.orchestra.storage.tiered.CacheTruth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Classifies keys as read by {@link RawKeyReader} against the source of truth. Foreign values (not our type, no
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
        return classifyAll(List.of(name), List.of(raw)).get(0);
    }

    /**
     * Classifies a page of keys, in order: the truth of all the keys of our format is read at once (one batch of
     * histories, one of session records: {@link CacheTruth#historiesFromSource},
     * {@link CacheTruth#sessionsFromSource}).
     */
    List<CacheFinding> classifyAll(List<CacheKeyName> names, List<RawKey> raws) {
        List<Optional<CachedList>> lists = new ArrayList<>(names.size());
        List<Optional<BsonDocument>> hashes = new ArrayList<>(names.size());
        Set<SessionRef> histories = new LinkedHashSet<>();
        Set<SessionRef> sessions = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            CacheKeyName name = names.get(i);
            RawKey raw = raws.get(i);
            boolean present = !"none".equals(raw.type());
            boolean history = name.kind() == Kind.HISTORY;
            lists.add(present && history ? cachedList(raw) : Optional.empty());
            hashes.add(present && !history ? cachedHash(raw) : Optional.empty());
            if (lists.get(i).isPresent()) {
                histories.add(new SessionRef(name.userId(), name.sessionId()));
            } else if (hashes.get(i).isPresent()) {
                sessions.add(new SessionRef(name.userId(), name.sessionId()));
            }
        }
        Map<SessionRef, List<MemoryItem>> historyTruth = histories.isEmpty() ? Map.of()
                : truth.historiesFromSource(List.copyOf(histories));
        Map<SessionRef, Optional<BsonDocument>> sessionTruth = sessions.isEmpty() ? Map.of()
                : truth.sessionsFromSource(List.copyOf(sessions));
        List<CacheFinding> findings = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            CacheKeyName name = names.get(i);
            RawKey raw = raws.get(i);
            SessionRef ref = new SessionRef(name.userId(), name.sessionId());
            if ("none".equals(raw.type())) {
                String kind = name.kind() == Kind.HISTORY ? "history" : "session";
                findings.add(finding(name, kind, CoherenceClass.ABSENT, raw, ItemDiff.NONE, "no such key"));
            } else if (name.kind() == Kind.HISTORY) {
                findings.add(lists.get(i).isEmpty() ? foreign(name, "history", raw)
                        : history(name, raw, lists.get(i).get(), historyTruth.get(ref)));
            } else {
                findings.add(hashes.get(i).isEmpty() ? foreign(name, "session", raw)
                        : session(name, raw, hashes.get(i).get(), sessionTruth.get(ref)));
            }
        }
        return findings;
    }

    static CacheFinding notOurs(String key) {
        return new CacheFinding(key, "other", CoherenceClass.NOT_OURS, "?", -2, null, null, ItemDiff.NONE,
                "not a history:* or session:* key under the prefix");
    }

    private static Optional<CachedList> cachedList(RawKey raw) {
        return !"list".equals(raw.type()) || raw.list() == null || raw.length() > raw.list().size()
                ? Optional.empty() : CachedValues.decodeList(raw.list());
    }

    private static Optional<BsonDocument> cachedHash(RawKey raw) {
        return !"hash".equals(raw.type()) || raw.hash() == null ? Optional.empty()
                : CachedValues.decodeHash(raw.hash());
    }

    private CacheFinding history(CacheKeyName name, RawKey raw, CachedList cached, List<MemoryItem> items) {
        sourceReads++;
        List<BsonDocument> elements = cached.elements();
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

    private CacheFinding session(CacheKeyName name, RawKey raw, BsonDocument cached, Optional<BsonDocument> record) {
        sourceReads++;
        if (record.isEmpty()) {
            return finding(name, "session", CoherenceClass.ORPHAN, raw, ItemDiff.NONE, "no session record in MongoDB");
        }
        ItemDiff diff = ItemDiff.ofDocument(cached, record.get());
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
