package dev.orchestra.inspector.common;

/**
 * How a document is written as text. Both are lossless: the driver's JSON reader turns either back into the same
 * BSON, byte for byte.
 */
public enum JsonNotation {
    /**
     * The shell syntax the driver's reader understands: {@code ISODate("…")}, {@code NumberLong(…)},
     * {@code NumberDecimal("…")}, {@code ObjectId("…")}, {@code UUID("…")}, {@code Timestamp(t, i)}, {@code /p/flags};
     * an Int32 is a plain integer and a Double always has a decimal point or an exponent.
     */
    READABLE,
    /** Canonical Extended JSON: every value's BSON type spelled out ({@code {"$numberLong": "…"}}). */
    CANONICAL
}
