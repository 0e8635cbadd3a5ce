package dev.orchestra.storage.validation;

import dev.orchestra.storage.error.StorageValidationException;
import java.util.Locale;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonType;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.json.JsonParseException;
import org.bson.json.JsonReader;

/**
 * Parses user-supplied Extended JSON (canonical, relaxed or shell mode, as the driver's {@link JsonReader} reads it)
 * into exactly one document: nothing but white space may follow it, and it may nest at most {@link #MAX_DEPTH}
 * levels. The depth is checked before the driver's recursive reader runs, so a deeply nested text is one clear
 * message instead of a {@link StackOverflowError}.
 */
public final class StrictJsonParser {
    /** MongoDB's own limit for nested documents and arrays. */
    public static final int MAX_DEPTH = 100;
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private StrictJsonParser() {
    }

    /** @throws StorageValidationException with a message fit to follow "line N: " or "--filter: " */
    public static BsonDocument parseObject(String text) {
        checkDepth(text);
        JsonReader reader = new JsonReader(text);
        try {
            BsonType first = reader.readBsonType();
            if (first != BsonType.DOCUMENT) {
                throw new StorageValidationException("expected a JSON object, found " + describe(first));
            }
            BsonDocument document = CODEC.decode(reader, DecoderContext.builder().build());
            if (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                throw new StorageValidationException("unexpected text after the JSON object");
            }
            return document;
        } catch (JsonParseException | BsonInvalidOperationException | NumberFormatException e) {
            throw new StorageValidationException("invalid JSON: " + e.getMessage());
        } finally {
            reader.close();
        }
    }

    /**
     * Counts the open objects and arrays outside of string literals (double- or single-quoted, as the shell syntax
     * allows). A bracket inside a regular expression literal counts too, which can only refuse such a text early.
     */
    static void checkDepth(String text) {
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '{' || c == '[') {
                if (++depth > MAX_DEPTH) {
                    throw new StorageValidationException("nested deeper than " + MAX_DEPTH
                            + " levels of objects and arrays (MongoDB's limit)");
                }
            } else if (c == '}' || c == ']') {
                depth--;
            }
        }
    }

    private static String describe(BsonType type) {
        return switch (type) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            default -> type.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }
}
