package dev.orchestra.storage.config;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes the configured secrets from text that may reach a log, the UI, a report or an exception message. It knows
 * the exact secret values (parsed from the configuration, not guessed from how a URI looks) and removes each
 * wherever it appears, raw and in its usual encodings (URL-encoded, URL-decoded, JSON-escaped); then
 * {@link Secrets#redact(String)} removes whatever still looks like URI credentials. Immutable and thread-safe.
 */
public final class Redactor {
    /** Knows no secret value: removes only what looks like credentials. */
    public static final Redactor PATTERNS_ONLY = new Redactor(List.of());

    private static final String MASK = "***";
    private static final Pattern HOST_LIST = Pattern.compile("[A-Za-z0-9.,:\\[\\]_%-]*");

    private final List<String> forms;

    private Redactor(Collection<String> forms) {
        this.forms = forms.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    /** The MongoDB password, the Redis password and any password written into {@code REDIS_HOST}. */
    public static Redactor of(StorageConfig config) {
        List<String> secrets = new ArrayList<>();
        passwordIn(config.mongoUri()).ifPresent(secrets::add);
        passwordIn(config.redisHost()).ifPresent(secrets::add);
        if (config.redisPassword() != null) {
            secrets.add(config.redisPassword());
        }
        if (config.redisDeployment().sentinelPassword() != null) {
            secrets.add(config.redisDeployment().sentinelPassword());
        }
        return forSecrets(secrets);
    }

    /** Removes exactly these values (and their encodings); null and empty values are ignored. */
    public static Redactor forSecrets(Collection<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.isEmpty()) {
                continue;
            }
            String decoded = urlDecoded(secret);
            for (String value : List.of(secret, decoded)) {
                forms.add(value);
                forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
                forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
                forms.add(jsonEscaped(value));
            }
        }
        forms.remove("");
        return new Redactor(forms);
    }

    /** This redactor plus the secrets of {@code other}. */
    public Redactor and(Redactor other) {
        List<String> all = new ArrayList<>(forms);
        all.addAll(other.forms);
        return new Redactor(all);
    }

    public String redact(String text) {
        if (text == null) {
            return null;
        }
        String redacted = text;
        for (String form : forms) {
            redacted = redacted.replace(form, MASK);
        }
        return Secrets.redact(redacted);
    }

    /**
     * The password in {@code scheme://user:password@host...}, as written. The user information is everything
     * between {@code ://} and the last {@code @} that is followed by a host list, so a password holding an
     * unencoded {@code @}, {@code /}, {@code :} or space is found whole.
     */
    public static Optional<String> passwordIn(String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        int start = uri.indexOf("://");
        if (start < 0) {
            return Optional.empty();
        }
        start += 3;
        for (int at = uri.lastIndexOf('@'); at >= start; at = uri.lastIndexOf('@', at - 1)) {
            if (isHostList(uri.substring(at + 1))) {
                String userInfo = uri.substring(start, at);
                int colon = userInfo.indexOf(':');
                return colon < 0 || colon == userInfo.length() - 1 ? Optional.empty()
                        : Optional.of(userInfo.substring(colon + 1));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code rest} starts with a host list that ends the authority ({@code /}, {@code ?} or the end). */
    private static boolean isHostList(String rest) {
        int end = rest.length();
        for (char c : new char[] {'/', '?', '#'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return end > 0 && HOST_LIST.matcher(rest.substring(0, end)).matches();
    }

    private static String urlDecoded(String value) {
        try {
            return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value; // not valid percent-encoding: it was written raw
        }
    }

    private static String jsonEscaped(String value) {
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
