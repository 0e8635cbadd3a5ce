package dev.orchestra.inspector.common;

import dev.orchestra.storage.model.StoreCollection;
import java.time.Instant;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * One row of a document table: the list projection as the server returned it, plus what the UI derives from it
 * once (schema issues, secret paths, a display time). Immutable; built off the FX thread.
 *
 * @param masked the document with secret values masked; what every cell shows until secrets are revealed
 */
public record DocumentRow(
        StoreCollection collection,
        BsonDocument document,
        BsonDocument masked,
        BsonValue id,
        Instant time,
        List<String> issues,
        List<String> secretPaths) {

    private static final int PREVIEW_CHARS = 240;

    public static DocumentRow of(StoreCollection collection, BsonDocument document, SecretMasker masker) {
        BsonValue timeValue = document.get(collection.timeField());
        Instant time = timeValue != null && timeValue.isDateTime()
                ? Instant.ofEpochMilli(timeValue.asDateTime().getValue()) : null;
        return new DocumentRow(collection, document, masker.mask(document), document.get("_id"), time,
                List.copyOf(SchemaCheck.issues(collection, document)), List.copyOf(masker.secretPaths(document)));
    }

    public boolean hasIssues() {
        return !issues.isEmpty();
    }

    public boolean isSensitive() {
        return !secretPaths.isEmpty();
    }

    /** The stored time, or the raw value when it is not a date (e.g. a string written by another system). */
    public String timeText() {
        if (time != null) {
            return TimeFormat.dateTime(time);
        }
        BsonValue raw = document.get(collection.timeField());
        if (raw == null) {
            return "";
        }
        return EpochMillis.of(collection.timeField(), raw).map(EpochMillis::describe)
                .orElseGet(() -> BsonText.inline(raw, 40));
    }

    /** A field as one line of text ("" when absent). */
    public String text(String field, boolean reveal) {
        BsonValue v = (reveal ? document : masked).get(field);
        return v == null ? "" : BsonText.inline(v, PREVIEW_CHARS);
    }

    public String idText() {
        return id == null ? "" : BsonText.inline(id, 64);
    }

    public String metadataKeys() {
        BsonValue metadata = document.get("metadata");
        return metadata != null && metadata.isDocument() ? String.join(", ", metadata.asDocument().keySet()) : "";
    }

    /** {@code embedding_dim} from the list projection, or the length of a full embedding; null when none. */
    public Integer embeddingDimension() {
        BsonValue dim = document.get("embedding_dim");
        if (dim != null && dim.isNumber()) {
            return dim.asNumber().intValue();
        }
        BsonValue embedding = document.get("embedding");
        return embedding != null && embedding.isArray() ? embedding.asArray().size() : null;
    }

    /** Tooltip text for the row's flag: schema issues and secret fields. */
    public String flagDescription() {
        StringBuilder sb = new StringBuilder();
        for (String issue : issues) {
            sb.append("• ").append(issue).append('\n');
        }
        for (String path : secretPaths) {
            sb.append("• secret-looking value at ").append(path).append(" (masked)\n");
        }
        return sb.toString().strip();
    }
}
