package dev.orchestra.inspector.detail;

/** One row of the document tree: field name (or array index), BSON type, and a one-line value. */
public record BsonNode(String key, String type, String value) {
}
