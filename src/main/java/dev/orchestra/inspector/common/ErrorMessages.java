package dev.orchestra.inspector.common;

import dev.orchestra.storage.config.Secrets;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.error.StorageException;
import dev.orchestra.storage.error.StorageValidationException;
import java.lang.reflect.InvocationTargetException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Turns a failure into one line a user can act on: never a stack trace, never a credential. */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    public static String describe(Throwable error) {
        Throwable e = unwrap(error);
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName()
                : e.getMessage();
        String text;
        if (e instanceof StorageConnectionException) {
            text = "Cannot reach the server: " + message;
        } else if (e instanceof StorageValidationException || e instanceof StorageException) {
            text = message;
        } else if (e instanceof CancellationException || e instanceof InterruptedException) {
            text = "Cancelled";
        } else {
            text = message + " (" + e.getClass().getSimpleName() + ")";
        }
        return Secrets.redact(firstLine(text));
    }

    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof ExecutionException
                || e instanceof InvocationTargetException
                || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        // The driver appends its whole cluster description; the sentence before it says what happened.
        int cluster = line.indexOf(". Client view of cluster state");
        if (cluster > 0) {
            line = line.substring(0, cluster + 1);
        }
        return line.length() > 400 ? line.substring(0, 400) + "…" : line;
    }
}
