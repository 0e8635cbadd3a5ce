package dev.orchestra.storage.redis.keys;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bson.BsonDocument;

/**
 * One value (a string, a list element, a hash value, a set member…) as the browser shows it: a JSON document
 * (ours: lossless Extended JSON) parsed for the document detail pane, readable text as it is, anything else (a
 * Python pickle, compressed bytes) only as its size and first bytes in hex, never decoded.
 *
 * @param sizeBytes bytes of this value (of this chunk when {@code complete} is false)
 * @param document  {@link Kind#JSON} only
 * @param text      {@link Kind#TEXT} only
 * @param hex       {@link Kind#BINARY} only: the first {@link #PREVIEW_BYTES} bytes
 * @param complete  false when this is a chunk of a larger string
 */
public record ValueContent(long sizeBytes, Kind kind, BsonDocument document, String text, String hex,
                           boolean complete) {
    /** Bytes shown in hex for binary values. */
    public static final int PREVIEW_BYTES = 64;
    private static final int SUMMARY_CHARS = 160;
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    public enum Kind { JSON, TEXT, BINARY }

    public ValueContent {
        document = document == null ? null : document.clone();
    }

    /** Classifies {@code bytes}: a JSON document only when complete and it parses whole. */
    public static ValueContent of(byte[] bytes, boolean complete) {
        String text = utf8(bytes);
        if (text == null || !readable(text)) {
            int n = Math.min(bytes.length, PREVIEW_BYTES);
            return new ValueContent(bytes.length, Kind.BINARY, null, null, HEX.formatHex(bytes, 0, n), complete);
        }
        if (complete && text.stripLeading().startsWith("{")) {
            try {
                return new ValueContent(bytes.length, Kind.JSON, BsonDocument.parse(text), null, null, true);
            } catch (RuntimeException notJson) {
                // readable text that merely starts with a brace
            }
        }
        return new ValueContent(bytes.length, Kind.TEXT, null, text, null, complete);
    }

    /** A value made of named parts (a stream entry's fields) shown as one document. */
    public static ValueContent ofDocument(BsonDocument document, long sizeBytes) {
        return new ValueContent(sizeBytes, Kind.JSON, document, null, null, true);
    }

    /** One line for a table cell. */
    public String summary() {
        String line = switch (kind) {
            case JSON -> document.toJson();
            case TEXT -> text;
            case BINARY -> "binary, " + sizeBytes + (sizeBytes == 1 ? " byte" : " bytes");
        };
        line = line.replace('\n', ' ').replace('\r', ' ');
        return line.length() > SUMMARY_CHARS ? line.substring(0, SUMMARY_CHARS) + "…" : line;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Text people can read: no control characters apart from tab and line breaks. */
    private static boolean readable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
