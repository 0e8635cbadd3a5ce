package dev.orchestra.cli;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.TimeInputParser;
import dev.orchestra.storage.transfer.ExportFormat;
import dev.orchestra.storage.validation.StrictJsonParser;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.bson.BsonDocument;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** picocli converters whose messages say what was wrong and what is accepted. */
final class Converters {
    private Converters() {
    }

    /** Any collection by name, the inspector's own included; a command that cannot use one of those says so. */
    static final class Collection implements ITypeConverter<CollectionRef> {
        @Override
        public CollectionRef convert(String value) {
            try {
                return CollectionRef.fromName(value);
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

    /** The start of a time range ({@link TimeInputParser}; UTC when no offset is given). */
    static final class FromTime implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return time(value, false);
        }
    }

    /** The end of a time range, exclusive: a bare date includes that whole day (UTC). */
    static final class ToTime implements ITypeConverter<Instant> {
        @Override
        public Instant convert(String value) {
            return time(value, true);
        }
    }

    private static Instant time(String value, boolean endOfRange) {
        TimeInputParser.Result result = new TimeInputParser(Clock.systemUTC()).parse(value, endOfRange);
        if (!result.ok()) {
            throw new TypeConversionException(result.error());
        }
        return result.value();
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
