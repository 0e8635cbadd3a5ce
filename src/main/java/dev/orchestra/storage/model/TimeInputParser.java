package dev.orchestra.storage.model;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses what a user types as a time bound, in the GUI's filter bar and the CLI's {@code --from}/{@code --to}:
 * {@code 2024-05-01}, {@code 2024-05-01 14:30[:00]}, {@code 2024-05-01T14:30:00[.250]}, with {@code Z} or an
 * offset ({@code 2024-05-01T14:30:00+02:00}), or a relative {@code 15m}, {@code 2h}, {@code 7d} (that long ago).
 * A date or time without an offset is in the clock's zone (the GUI: the system zone; the CLI: UTC).
 *
 * <p>A bare date means the whole of that day: as the start of a range it is that day's first instant, as the end
 * of a range ({@code endOfRange}) the range ends at the next day's first instant (exclusive), so the day's last
 * documents are included. {@code --to 2024-05-01} therefore includes everything stored on May 1st.
 */
public final class TimeInputParser {
    public static final String ACCEPTED = "2024-05-01, 2024-05-01 14:30, 2024-05-01T14:30:00Z, or 15m / 2h / 7d ago";
    private static final Pattern RELATIVE = Pattern.compile("(\\d{1,6})\\s*(s|m|min|h|d|w)(\\s+ago)?");
    private static final DateTimeFormatter LOCAL_MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");

    private final Clock clock;

    public TimeInputParser(Clock clock) {
        this.clock = clock;
    }

    /** The parse result: a time, or the reason it is not one. */
    public record Result(Instant value, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    /** @param endOfRange true for the end of a range ("to"): a bare date includes that whole day */
    public Result parse(String text, boolean endOfRange) {
        if (text == null || text.isBlank()) {
            return new Result(null, null);
        }
        String t = text.strip();
        Matcher m = RELATIVE.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return new Result(clock.instant().minus(d), null);
        }
        try {
            return new Result(OffsetDateTime.parse(t).toInstant(), null);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return new Result(Instant.parse(t), null);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            LocalDate date = LocalDate.parse(t);
            LocalDate day = endOfRange ? date.plusDays(1) : date;
            return new Result(day.atStartOfDay(clock.getZone()).toInstant(), null);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return new Result(LocalDateTime.parse(t, LOCAL_MINUTES).atZone(clock.getZone()).toInstant(), null);
        } catch (DateTimeException ignored) {
            // try the next form
        }
        try {
            return new Result(LocalDateTime.parse(t).atZone(clock.getZone()).toInstant(), null); // fractions
        } catch (DateTimeException e) {
            return new Result(null, "'" + t + "' is not a time. Use " + ACCEPTED);
        }
    }
}
