package dev.orchestra.cli;

import dev.orchestra.storage.config.Redactor;

/**
 * Stands in for an exception whose message (or a cause's) holds a secret: the original type in the message, the
 * redacted text, the original stack trace, and the causes treated alike.
 */
final class RedactedThrowable extends RuntimeException {

    private RedactedThrowable(Throwable original, String safeMessage, Throwable safeCause) {
        super(original.getClass().getName() + (safeMessage == null ? "" : ": " + safeMessage), safeCause, false,
                true);
        setStackTrace(original.getStackTrace());
    }

    /** {@code thrown} itself when nothing in its chain holds a secret, else a redacted copy of the chain. */
    static Throwable of(Throwable thrown, Redactor redactor) {
        if (thrown == null) {
            return null;
        }
        Throwable cause = thrown.getCause() == thrown ? null : thrown.getCause();
        Throwable safeCause = of(cause, redactor);
        String message = thrown.getMessage();
        String safeMessage = redactor.redact(message);
        boolean messageClean = message == null || message.equals(safeMessage);
        if (messageClean && safeCause == cause) {
            return thrown;
        }
        return new RedactedThrowable(thrown, safeMessage, safeCause);
    }
}
