package dev.orchestra.storage.model;

/**
 * A document count that may be approximate: unfiltered counts use collection metadata, filtered counts
 * are capped in time and report a lower bound when the cap is reached.
 */
public record CountEstimate(long value, boolean exact) {
    public String display() {
        return exact ? Long.toString(value) : "≥ " + value;
    }
}
