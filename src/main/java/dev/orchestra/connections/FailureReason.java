package dev.orchestra.connections;

import dev.orchestra.storage.config.Redactor;
import java.util.Locale;
import java.util.regex.Pattern;

/** Why a connection failed, in one line a person can act on; the driver's words only when nothing else fits. */
public final class FailureReason {
    private static final int MAX_LENGTH = 200;
    /** Key fingerprints are random base64: left out, so one that happens to spell "tls" is not read as a reason. */
    private static final Pattern FINGERPRINT = Pattern.compile("(?i)\\b(sha256|md5):[A-Za-z0-9+/=:]+");
    private static final Pattern TLS_WORDS = Pattern.compile(
            "\\b(ssl|tls|pkix)\\b|(ssl|tls)\\w*exception|sslhandshake|certificate");

    private FailureReason() {
    }

    public static String of(Throwable error, Redactor redactor) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = error; t != null; t = t.getCause()) {
            all.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
        }
        String reason = classify(all.toString());
        return reason != null ? reason : firstLine(error.getMessage(), redactor);
    }

    public static String of(String message, Redactor redactor) {
        String text = message == null ? "" : message;
        String reason = classify(text);
        return reason != null ? reason : firstLine(text, redactor);
    }

    private static String classify(String text) {
        String lower = FINGERPRINT.matcher(text).replaceAll("").toLowerCase(Locale.ROOT);
        if (lower.contains("wrongpass") || lower.contains("authentication failed") || lower.contains("noauth")
                || lower.contains("invalid username-password") || lower.contains("refused the credentials")
                || lower.contains("mongosecurityexception")) {
            return "wrong user name or password";
        }
        if (TLS_WORDS.matcher(lower).find()) {
            return "TLS failure (the server's certificate or the TLS setting does not match)";
        }
        if (lower.contains("connection refused") || lower.contains("connectexception")
                || lower.contains("failed to connect")
                || lower.contains("no route to host") || lower.contains("unknownhost")) {
            return "host unreachable (connection refused or no such host)";
        }
        if (lower.contains("timed out") || lower.contains("timeout")) {
            return "timeout: the server did not answer in time";
        }
        return null;
    }

    private static String firstLine(String message, Redactor redactor) {
        String safe = redactor.redact(message == null || message.isBlank() ? "failed" : message.strip());
        int newline = safe.indexOf('\n');
        String line = newline < 0 ? safe : safe.substring(0, newline);
        return line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "…" : line;
    }
}
