package dev.orchestra.storage.config;

import java.util.regex.Pattern;

/**
 * Removes what looks like credentials from text that may reach a log, the UI or an exception message. A guess by
 * pattern, the fallback of {@link Redactor}, which removes the exact configured secrets first.
 */
public final class Secrets {
    // scheme://user:password@host -> scheme://***@host (also user-only and several hosts); up to the last '@' that
    // is followed by a host list, so an unencoded '@' or '/' in the password does not leave a tail behind
    private static final Pattern URI_CREDENTIALS = Pattern.compile(
            "([a-zA-Z][a-zA-Z0-9+.-]*://)\\S*@(?=[A-Za-z0-9.,:\\[\\]_%-]+(?:[/?#\\s\"',;)]|$))");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password|pwd|secret|token)=([^&\\s,;]+)");

    private Secrets() {
    }

    /** The URI with user and password replaced by {@code ***}; safe to show. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String withoutUserInfo = URI_CREDENTIALS.matcher(text).replaceAll("$1***@");
        return PASSWORD_PARAM.matcher(withoutUserInfo).replaceAll("$1=***");
    }
}
