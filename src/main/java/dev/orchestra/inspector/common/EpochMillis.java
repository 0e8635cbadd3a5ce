package dev.orchestra.inspector.common;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.BsonValue;

/**
 * Recognises a time written by another system as an Int64 count of milliseconds since 1970 (instead of a BSON
 * date), so views can show the date it means, flagged, next to the number actually stored.
 */
public final class EpochMillis {
    public static final String FLAG = "Int64 epoch millis";
    private static final Pattern TIME_FIELD =
            Pattern.compile("(timestamp|expiration|expires?|time|date|_at|_ts|_on)$");
    // 1973-03-03 .. 2286-11-20: a millisecond count in these years has 12 or 13 digits; seconds (10) never match.
    private static final long EARLIEST = 100_000_000_000L;
    private static final long LATEST = 9_999_999_999_999L;

    private EpochMillis() {
    }

    /** The instant an Int64 under a time-like field name means, when it is a plausible millisecond count. */
    public static Optional<Instant> of(String field, BsonValue value) {
        if (field == null || value == null || !value.isInt64()
                || !TIME_FIELD.matcher(field.toLowerCase(Locale.ROOT)).find()) {
            return Optional.empty();
        }
        long millis = value.asInt64().getValue();
        return millis >= EARLIEST && millis <= LATEST ? Optional.of(Instant.ofEpochMilli(millis)) : Optional.empty();
    }

    /** "2024-06-01 14:00:00  (Int64 epoch millis 1717243200000)". */
    public static String describe(Instant instant) {
        return TimeFormat.dateTime(instant) + "  (" + FLAG + " " + instant.toEpochMilli() + ")";
    }
}
