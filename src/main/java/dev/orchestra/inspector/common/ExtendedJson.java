package dev.orchestra.inspector.common;

import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** The driver's own Extended JSON writer, indented; canonical keeps every BSON type explicit. */
public final class ExtendedJson {
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED).indent(true).build();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder()
            .outputMode(JsonMode.RELAXED).indent(true).build();
    private static final JsonWriterSettings COMPACT = JsonWriterSettings.builder()
            .outputMode(JsonMode.RELAXED).build();

    private ExtendedJson() {
    }

    public static String format(BsonDocument document, boolean canonical) {
        return document == null ? "" : document.toJson(canonical ? CANONICAL : RELAXED);
    }

    /** One line, relaxed: for previews of non-string values. */
    public static String compact(BsonDocument document) {
        return document.toJson(COMPACT);
    }
}
