package dev.orchestra.inspector.common;

import org.bson.BsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/** The driver's own Extended JSON writer, indented; canonical keeps every BSON type explicit. */
public final class ExtendedJson {
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder()
            .outputMode(JsonMode.EXTENDED).indent(true).build();
    private static final JsonWriterSettings RELAXED = JsonWriterSettings.builder()
            .outputMode(JsonMode.RELAXED).indent(true).build();
    private static final JsonWriterSettings COMPACT = JsonWriterSettings.builder()
            .outputMode(JsonMode.RELAXED).build();

    private ExtendedJson() {
    }

    public static String format(BsonDocument document, boolean canonical) {
        if (document == null) {
            return "";
        }
        return canonical ? document.toJson(CANONICAL) : packNumberArrays(document.toJson(RELAXED));
    }

    private static final java.util.regex.Pattern NUMBER_LINE =
            java.util.regex.Pattern.compile("\\s*-?(\\d[\\d.eE+-]*|Infinity|NaN),?");
    private static final int PACKED_LINE_CHARS = 76;

    /**
     * Puts the elements of number arrays (embeddings: often 1,536 of them) several to a line instead of one per
     * line; still valid JSON, just readable.
     */
    static String packNumberArrays(String json) {
        String[] lines = json.split("\n", -1);
        StringBuilder out = new StringBuilder(json.length());
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            out.append(line);
            if (line.endsWith("[") && i + 1 < lines.length && NUMBER_LINE.matcher(lines[i + 1]).matches()) {
                String indent = lines[i + 1].substring(0, lines[i + 1].length() - lines[i + 1].stripLeading().length());
                StringBuilder packed = new StringBuilder(indent);
                i++;
                while (i < lines.length && NUMBER_LINE.matcher(lines[i]).matches()) {
                    String number = lines[i].strip();
                    if (packed.length() + number.length() + 1 > PACKED_LINE_CHARS && packed.length() > indent.length()) {
                        out.append('\n').append(packed.toString().stripTrailing());
                        packed = new StringBuilder(indent);
                    }
                    packed.append(number).append(' ');
                    i++;
                }
                out.append('\n').append(packed.toString().stripTrailing());
                if (i < lines.length) {
                    out.append('\n');
                }
                continue;
            }
            if (i < lines.length - 1) {
                out.append('\n');
            }
            i++;
        }
        return out.toString();
    }

    /** One line, relaxed: for previews of non-string values. */
    public static String compact(BsonDocument document) {
        return document.toJson(COMPACT);
    }
}
