package dev.orchestra.inspector.detail;

/**
 * One row of the document tree: field name (or array index), BSON type, a one-line value, and how the value is
 * to be styled.
 */
public record BsonNode(String key, String type, String value, Look look) {
    /** {@code NULL}: a BSON null (shown muted, never mistaken for the string "null"); {@code FLAGGED}: reinterpreted. */
    public enum Look { PLAIN, NULL, FLAGGED }
}
