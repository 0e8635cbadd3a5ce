package dev.orchestra.storage.mapping;

import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * The Extended JSON written to files and to the cache: canonical (every BSON type spelled out, so a parse gives back
 * exactly the document) except that finite doubles are plain JSON numbers, as in relaxed mode. Java always writes
 * a double with a '.' or an exponent, and every Extended JSON parser reads such a number back as a double, so
 * nothing is lost; what is saved is half the size of an embedding and most of the time to write and parse it
 * ({@code {"$numberDouble": "0.0123"}} per element otherwise). NaN and the infinities keep the canonical form.
 */
public final class LosslessJson {
    public static final JsonWriterSettings SETTINGS = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED)
            .doubleConverter((value, writer) -> {
                if (Double.isFinite(value)) {
                    writer.writeNumber(Double.toString(value));
                } else {
                    writer.writeStartObject();
                    writer.writeString("$numberDouble", Double.toString(value));
                    writer.writeEndObject();
                }
            })
            .build();

    private LosslessJson() {
    }
}
