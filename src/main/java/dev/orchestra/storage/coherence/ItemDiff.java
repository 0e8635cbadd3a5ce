package dev.orchestra.storage.coherence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * How a cached value differs from the source of truth. For a history list: the ids of items the source has but the
 * cache lacks ({@code missing}), the cache has but the source no longer has ({@code extra}), and items in both
 * whose content differs ({@code changed}, "id: field, field"). For a session record: the fields that differ. Each
 * list holds at most {@link #MAX_SHOWN} entries; the counts are exact.
 */
public record ItemDiff(int missingCount, int extraCount, int changedCount, List<String> missing, List<String> extra,
                       List<String> changed) {
    public static final int MAX_SHOWN = 20;
    public static final ItemDiff NONE = new ItemDiff(0, 0, 0, List.of(), List.of(), List.of());

    public ItemDiff {
        missing = List.copyOf(missing);
        extra = List.copyOf(extra);
        changed = List.copyOf(changed);
    }

    public boolean isEmpty() {
        return missingCount == 0 && extraCount == 0 && changedCount == 0;
    }

    /** "2 missing, 1 extra, 1 changed", or "no difference". */
    public String summary() {
        if (isEmpty()) {
            return "no difference";
        }
        List<String> parts = new ArrayList<>();
        if (missingCount > 0) {
            parts.add(missingCount + " missing");
        }
        if (extraCount > 0) {
            parts.add(extraCount + " extra");
        }
        if (changedCount > 0) {
            parts.add(changedCount + " changed");
        }
        return String.join(", ", parts);
    }

    /** Several lines, for a diff pane: every id and field shown, grouped. */
    public String describe() {
        StringBuilder text = new StringBuilder(summary());
        append(text, "missing from the cache (MongoDB has them)", missing, missingCount);
        append(text, "extra in the cache (no longer in MongoDB)", extra, extraCount);
        append(text, "changed", changed, changedCount);
        return text.toString();
    }

    private static void append(StringBuilder text, String title, List<String> ids, int count) {
        if (count == 0) {
            return;
        }
        text.append("\n\n").append(title).append(':');
        ids.forEach(id -> text.append("\n  ").append(id));
        if (count > ids.size()) {
            text.append("\n  … ").append(count - ids.size()).append(" more");
        }
    }

    /** Items matched by {@code _id}; both maps keep their documents' order. */
    static ItemDiff ofItems(Map<BsonValue, BsonDocument> cached, Map<BsonValue, BsonDocument> truth) {
        Builder diff = new Builder();
        truth.forEach((id, document) -> {
            BsonDocument inCache = cached.get(id);
            if (inCache == null) {
                diff.missing(display(id));
            } else if (!inCache.equals(document)) {
                diff.changed(display(id) + ": " + String.join(", ", changedFields(inCache, document)));
            }
        });
        cached.keySet().stream().filter(id -> !truth.containsKey(id)).forEach(id -> diff.extra(display(id)));
        return diff.build();
    }

    /** One document against its truth: each differing field is a change. */
    static ItemDiff ofDocument(BsonDocument cached, BsonDocument truth) {
        Builder diff = new Builder();
        changedFields(cached, truth).forEach(diff::changed);
        return diff.build();
    }

    private static Set<String> changedFields(BsonDocument a, BsonDocument b) {
        Set<String> fields = new TreeSet<>();
        a.keySet().stream().filter(name -> !Objects.equals(a.get(name), b.get(name))).forEach(fields::add);
        b.keySet().stream().filter(name -> !a.containsKey(name)).forEach(fields::add);
        return fields;
    }

    private static String display(BsonValue id) {
        return id.isString() ? id.asString().getValue() : new BsonDocument("_id", id).toJson().replaceAll(
                "^\\{\"_id\": |}$", "");
    }

    private static final class Builder {
        private final List<String> missing = new ArrayList<>();
        private final List<String> extra = new ArrayList<>();
        private final List<String> changed = new ArrayList<>();
        private int missingCount;
        private int extraCount;
        private int changedCount;

        void missing(String id) {
            missingCount++;
            add(missing, id);
        }

        void extra(String id) {
            extraCount++;
            add(extra, id);
        }

        void changed(String id) {
            changedCount++;
            add(changed, id);
        }

        private static void add(List<String> list, String entry) {
            if (list.size() < MAX_SHOWN) {
                list.add(entry);
            }
        }

        ItemDiff build() {
            return new ItemDiff(missingCount, extraCount, changedCount, missing, extra, changed);
        }
    }
}
