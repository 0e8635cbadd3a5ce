package dev.orchestra.inspector.common;

import dev.orchestra.storage.error.ReadOnlyViolationException;
import dev.orchestra.storage.error.StorageConflictException;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageOperationException;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.config.Secrets;
import java.util.Locale;

/**
 * A failed change as a user sees it: one plain sentence, and the technical text behind it (whole, never cut, no
 * credentials) for a details expander; {@code details} is null when the sentence already says everything.
 */
public record FailureMessage(String message, String details) {

    public static FailureMessage of(Throwable error) {
        Throwable e = ErrorMessages.unwrap(error);
        if (e instanceof ReadOnlyViolationException || e instanceof StorageConflictException
                || e instanceof StorageValidationException) {
            return new FailureMessage(ErrorMessages.describe(e), null); // our own sentences
        }
        String details = technicalText(e);
        if (e instanceof StorageConnectionException) {
            return new FailureMessage("Cannot reach the database server; try again when it answers.", details);
        }
        if (e instanceof StorageOperationException) {
            return new FailureMessage("The server refused the change: " + plainReason(details) + ".", details);
        }
        return new FailureMessage("Something unexpected went wrong (" + e.getClass().getSimpleName() + ").", details);
    }

    public boolean hasDetails() {
        return details != null && !details.isBlank();
    }

    /** The few refusals a user can act on, in words; the rest say where to look. */
    private static String plainReason(String technical) {
        String text = technical.toLowerCase(Locale.ROOT);
        if (text.contains("duplicate key") || text.contains("e11000")) {
            return "another document already has the same unique value";
        }
        if (text.contains("compare")) {
            return "it cannot compare some values of this document (such as a regular expression), which it must do"
                    + " to check that nobody changed it meanwhile";
        }
        if (text.contains("document failed validation")) {
            return "the collection's own validation rules reject this document";
        }
        if (text.contains("not authorized") || text.contains("unauthorized")) {
            return "this database user may not write here";
        }
        if (text.contains("too large") || text.contains("size must be")) {
            return "the document is too large";
        }
        return "it gave a technical reason (see the details)";
    }

    private static String technicalText(Throwable e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            text.append("\nCaused by: ").append(cause.getMessage());
        }
        return Secrets.redact(text.toString());
    }
}
