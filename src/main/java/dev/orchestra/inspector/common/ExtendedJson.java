package dev.orchestra.inspector.common;

import java.io.StringWriter;
import java.util.regex.Pattern;
import org.bson.BsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Documents as text through the driver's own JSON writer, indented: {@link JsonNotation#READABLE} (shell syntax) or
 * canonical Extended JSON, both with emoji and other printable characters as they are.
 */
public final class ExtendedJson {
    private static final JsonWriterSettings CANONICAL = ReadableJsonWriter.settings(JsonMode.EXTENDED, true);

    private ExtendedJson() {
    }

    /** Readable (number arrays packed several to a line) or canonical Extended JSON; "" for no document. */
    public static String format(BsonDocument document, JsonNotation notation) {
        if (document == null) {
            return "";
        }
        return notation == JsonNotation.CANONICAL ? document.toJson(CANONICAL)
                : packNumberArrays(write(document, true));
    }

    public static String format(BsonDocument document, boolean canonical) {
        return format(document, canonical ? JsonNotation.CANONICAL : JsonNotation.READABLE);
    }

    private static final Pattern NUMBER_LINE =
            Pattern.compile("\\s*-?(\\d[\\d.eE+-]*|Infinity|NaN),?");
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

    /** One line, readable: for previews of non-string values. */
    public static String compact(BsonDocument document) {
        return write(document, false);
    }

    private static String write(BsonDocument document, boolean indent) {
        StringWriter text = new StringWriter();
        new BsonDocumentCodec().encode(new ReadableJsonWriter(text, indent), document,
                EncoderContext.builder().build());
        return text.toString();
    }
}
