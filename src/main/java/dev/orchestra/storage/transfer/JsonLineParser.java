package dev.orchestra.storage.transfer;

import dev.orchestra.storage.StorageValidationException;
import java.util.Locale;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonType;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.json.JsonParseException;
import org.bson.json.JsonReader;

/** Parses one line of an import file (Extended JSON, canonical or relaxed) into exactly one document. */
final class JsonLineParser {
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private JsonLineParser() {
    }

    /** @throws StorageValidationException with a message fit to follow "line N: " */
    static BsonDocument parse(String line) {
        JsonReader reader = new JsonReader(line);
        BsonDocument document;
        try {
            BsonType first = reader.readBsonType();
            if (first != BsonType.DOCUMENT) {
                throw new StorageValidationException("expected a JSON object, found " + describe(first));
            }
            document = CODEC.decode(reader, DecoderContext.builder().build());
            if (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                throw new StorageValidationException("unexpected text after the JSON object");
            }
        } catch (JsonParseException | BsonInvalidOperationException e) {
            throw new StorageValidationException("invalid JSON: " + e.getMessage());
        }
        return document;
    }

    private static String describe(BsonType type) {
        return switch (type) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            default -> type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
