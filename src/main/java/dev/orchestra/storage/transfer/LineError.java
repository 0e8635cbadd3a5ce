package dev.orchestra.storage.transfer;

/** Why one line of an import file was not written; {@code lineNumber} counts from 1. */
public record LineError(long lineNumber, String message) {
    @Override
    public String toString() {
        return "line " + lineNumber + ": " + message;
    }
}
