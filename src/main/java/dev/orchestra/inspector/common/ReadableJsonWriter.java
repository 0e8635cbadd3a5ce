package dev.orchestra.inspector.common;

import java.io.Writer;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.UUID;
import org.bson.BsonBinary;
import org.bson.BsonBinarySubType;
import org.bson.BsonDbPointer;
import org.bson.BsonRegularExpression;
import org.bson.BsonTimestamp;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriter;
import org.bson.json.JsonWriterSettings;
import org.bson.json.StrictJsonWriter;

/**
 * The driver's shell-mode JSON writer, corrected where shell mode loses information or reads badly: a DBPointer
 * (shell mode writes a plain {@code $ref}/{@code $id} document, which reads back as a document), a regex whose
 * pattern holds a {@code /} (the literal would read back with {@code \/}), a Timestamp above 2³¹ (shell mode writes
 * negative numbers), UUIDs (shown as {@code UUID("…")}, which the reader accepts) and emoji (kept as characters).
 */
final class ReadableJsonWriter extends JsonWriter {
    private static final String REGEX_LITERAL_OPTIONS = "imsx";

    ReadableJsonWriter(Writer writer, boolean indent) {
        super(writer, settings(JsonMode.SHELL, indent));
    }

    /** Settings for the driver's own writer in {@code mode}, with readable strings. */
    static JsonWriterSettings settings(JsonMode mode, boolean indent) {
        JsonWriterSettings.Builder builder = JsonWriterSettings.builder().outputMode(mode).indent(indent)
                .stringConverter((value, writer) -> writer.writeRaw(JsonText.quote(value)));
        if (mode == JsonMode.SHELL) {
            builder.binaryConverter(ReadableJsonWriter::writeBinary)
                    .regularExpressionConverter(ReadableJsonWriter::writeRegex)
                    .timestampConverter(ReadableJsonWriter::writeTimestamp);
        }
        return builder.build();
    }

    @Override
    protected void doWriteDBPointer(BsonDbPointer value) {
        // The reader only takes the canonical form, with the ObjectId as {"$oid": …} too.
        writeStartDocument();
        writeName("$dbPointer");
        writeStartDocument();
        writeString("$ref", value.getNamespace());
        writeName("$id");
        writeStartDocument();
        writeString("$oid", value.getId().toHexString());
        writeEndDocument();
        writeEndDocument();
        writeEndDocument();
    }

    private static void writeBinary(BsonBinary value, StrictJsonWriter writer) {
        if (value.getType() == BsonBinarySubType.UUID_STANDARD.getValue() && value.getData().length == 16) {
            ByteBuffer bytes = ByteBuffer.wrap(value.getData());
            writer.writeRaw("UUID(\"" + new UUID(bytes.getLong(), bytes.getLong()) + "\")");
        } else {
            writer.writeRaw("BinData(" + (value.getType() & 0xff) + ", \""
                    + Base64.getEncoder().encodeToString(value.getData()) + "\")");
        }
    }

    private static void writeRegex(BsonRegularExpression value, StrictJsonWriter writer) {
        if (isLiteralSafe(value)) {
            writer.writeRaw("/" + value.getPattern() + "/" + value.getOptions());
            return;
        }
        writer.writeStartObject();
        writer.writeStartObject("$regularExpression");
        writer.writeRaw("pattern", JsonText.quote(value.getPattern()));
        writer.writeRaw("options", JsonText.quote(value.getOptions()));
        writer.writeEndObject();
        writer.writeEndObject();
    }

    /** Whether {@code /pattern/options} reads back as exactly this pattern and these options. */
    private static boolean isLiteralSafe(BsonRegularExpression value) {
        String pattern = value.getPattern();
        if (pattern.isEmpty() || pattern.indexOf('/') >= 0 || pattern.chars().anyMatch(c -> c < 0x20)) {
            return false;
        }
        int trailingBackslashes = pattern.length() - pattern.replaceAll("\\\\+$", "").length();
        return trailingBackslashes % 2 == 0
                && value.getOptions().chars().allMatch(c -> REGEX_LITERAL_OPTIONS.indexOf(c) >= 0);
    }

    private static void writeTimestamp(BsonTimestamp value, StrictJsonWriter writer) {
        if (value.getTime() >= 0 && value.getInc() >= 0) {
            writer.writeRaw("Timestamp(" + value.getTime() + ", " + value.getInc() + ")");
            return;
        }
        // The reader's Timestamp(t, i) takes signed ints only.
        writer.writeStartObject();
        writer.writeStartObject("$timestamp");
        writer.writeNumber("t", Integer.toUnsignedString(value.getTime()));
        writer.writeNumber("i", Integer.toUnsignedString(value.getInc()));
        writer.writeEndObject();
        writer.writeEndObject();
    }
}
