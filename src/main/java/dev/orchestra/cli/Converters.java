package dev.orchestra.cli;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.transfer.ExportFormat;
import dev.orchestra.storage.validation.StrictJsonParser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.bson.BsonDocument;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters whose messages say what was wrong and what is accepted. */
final class Converters {
    private Converters() {
    }

    static final class Collection implements ITypeConverter<StoreCollection> {
        @Override
        public StoreCollection convert(String value) {
            try {
                return StoreCollection.fromName(value);
            } catch (StorageValidationException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class Format implements ITypeConverter<ExportFormat> {
        @Override
        public ExportFormat convert(String value) {
            return Arrays.stream(ExportFormat.values())
                    .filter(f -> f.extension().equalsIgnoreCase(value))
                    .findFirst()
                    .orElseThrow(() -> new TypeConversionException("Unknown format '" + value + "'. Known: "
                            + Arrays.stream(ExportFormat.values()).map(ExportFormat::extension)
                            .collect(Collectors.joining(", "))));
        }
    }

    /** ISO-8601: {@code 2024-05-01T12:00:00Z}, with an offset, or without one (UTC), or a date (UTC midnight). */
    static final class Time implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            String v = value.trim();
            try {
                if (v.length() == 10) {
                    return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
                }
                if (v.endsWith("Z") || v.endsWith("z")) {
                    return Instant.parse(v.toUpperCase(Locale.ROOT));
                }
                if (v.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                    return OffsetDateTime.parse(v).toInstant();
                }
                return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a time; use ISO-8601 such as 2024-05-01, "
                        + "2024-05-01T12:00:00Z or 2024-05-01T14:00:00+02:00");
            }
        }
    }

    /**
     * A MongoDB filter document in (Extended) JSON: one object, nothing after it, at most 100 levels deep. The
     * message does not repeat the text (it may be megabytes long).
     */
    static BsonDocument parseFilter(String value) {
        try {
            return StrictJsonParser.parseObject(value);
        } catch (StorageValidationException e) {
            throw new StorageValidationException("--filter is not a valid filter: " + e.getMessage());
        }
    }
}
