package dev.orchestra.storage.schema;

import java.util.Locale;
import org.bson.BsonType;
import org.bson.BsonValue;

/** The BSON type a documented field must have; {@link #ANY} when any value is accepted. */
public enum FieldType {
    STRING(BsonType.STRING),
    DATE(BsonType.DATE_TIME),
    DOCUMENT(BsonType.DOCUMENT),
    /** An array of finite numbers (the element checks are the validator's). */
    EMBEDDING(BsonType.ARRAY),
    /** Any value, e.g. agent_data's {@code content}. */
    ANY(null);

    private final BsonType bsonType;

    FieldType(BsonType bsonType) {
        this.bsonType = bsonType;
    }

    /** Whether a present, non-null value has this type. */
    public boolean fits(BsonValue value) {
        return bsonType == null || value.getBsonType() == bsonType;
    }

    /** What the field should be, as in "'timestamp' is a string, not a date". */
    public String expected() {
        return bsonType == null ? "any value" : typeName(bsonType);
    }

    /** The one name of a BSON type in messages: BSON's own spelling for numbers and ids ("an Int32", "a Double"). */
    public static String typeName(BsonType type) {
        return switch (type) {
            case DATE_TIME -> "a date";
            case STRING -> "a string";
            case DOCUMENT -> "a document";
            case ARRAY -> "an array";
            case INT32 -> "an Int32";
            case INT64 -> "an Int64";
            case DOUBLE -> "a Double";
            case DECIMAL128 -> "a Decimal128";
            case OBJECT_ID -> "an ObjectId";
            case BOOLEAN -> "a boolean";
            case BINARY -> "binary data";
            case NULL -> "null";
            default -> type.name().toLowerCase(Locale.ROOT);
        };
    }

    public static String typeName(BsonValue value) {
        return typeName(value.getBsonType());
    }
}
