package dev.orchestra.inspector.keys;

import dev.orchestra.storage.redis.keys.KeyInfo;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How the key browser writes sizes and times to live, and reads a TTL typed by the user. */
public final class KeyFormat {
    private static final Pattern TTL = Pattern.compile("\\s*(\\d{1,9})\\s*([smhd]?)\\s*", Pattern.CASE_INSENSITIVE);

    private KeyFormat() {
    }

    public static String ttl(long millis) {
        if (millis < 0) {
            return "no expiry";
        }
        long seconds = (millis + 999) / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        if (seconds < 86_400) {
            return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
        }
        return seconds / 86_400 + " d " + seconds % 86_400 / 3600 + " h";
    }

    public static String bytes(long bytes) {
        if (bytes < 0) {
            return "—";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    public static String encoding(KeyInfo key) {
        return key.encoding() == null ? "—" : key.encoding();
    }

    /**
     * A time to live as typed: a whole number of seconds, or with a unit ({@code 90s}, {@code 15m}, {@code 2h},
     * {@code 7d}); empty when it is not one, or not positive.
     */
    public static Optional<Duration> parseTtl(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = TTL.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        Duration ttl = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            case "d" -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
        return ttl.isZero() ? Optional.empty() : Optional.of(ttl);
    }
}
