package dev.orchestra.storage.transfer;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * CSV (RFC 4180: comma separated, CRLF line ends, fields quoted when they hold a comma, quote or line break) for
 * spreadsheets and quick analysis. Dates are ISO-8601 UTC, ObjectIds their hex, nested values relaxed JSON. It is
 * a view, not a backup: only JSON lines keep every BSON type for a lossless import.
 */
public final class CsvDocumentWriter implements DocumentWriter {
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder().outputMode(JsonMode.RELAXED).build();
    private static final String WRAPPER_PREFIX = "{\"v\": ";

    private final Writer out;
    private final CsvLayout layout;

    public CsvDocumentWriter(Writer out, CsvLayout layout) {
        this.out = out;
        this.layout = layout;
    }

    @Override
    public void begin() throws IOException {
        writeRow(layout.header());
    }

    @Override
    public void write(BsonDocument document) throws IOException {
        List<String> known = layout.knownFields();
        String[] cells = new String[known.size() + 1];
        for (int i = 0; i < known.size(); i++) {
            cells[i] = cell(document.get(known.get(i)));
        }
        BsonDocument others = new BsonDocument();
        document.forEach((key, value) -> {
            if (!known.contains(key)) {
                others.put(key, value);
            }
        });
        cells[known.size()] = others.isEmpty() ? "" : others.toJson(RELAXED);
        writeRow(List.of(cells));
    }

    private void writeRow(List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quote(cells.get(i)));
        }
        out.write("\r\n");
    }

    static String quote(String cell) {
        boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    /** A BSON value as one CSV cell; also used for the CLI's tables. */
    public static String cell(BsonValue value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return switch (value.getBsonType()) {
            case STRING -> value.asString().getValue();
            case DATE_TIME -> Instant.ofEpochMilli(value.asDateTime().getValue()).toString();
            case OBJECT_ID -> value.asObjectId().getValue().toHexString();
            case INT32 -> Integer.toString(value.asInt32().getValue());
            case INT64 -> Long.toString(value.asInt64().getValue());
            case DOUBLE -> Double.toString(value.asDouble().getValue());
            case DECIMAL128 -> value.asDecimal128().getValue().toString();
            case BOOLEAN -> Boolean.toString(value.asBoolean().getValue());
            default -> relaxedJson(value);
        };
    }

    private static String relaxedJson(BsonValue value) {
        // The JSON writer only writes documents: wrap the value and cut the wrapper off again.
        String json = new BsonDocument("v", value).toJson(RELAXED);
        return json.substring(WRAPPER_PREFIX.length(), json.length() - 1);
    }
}
