package dev.orchestra.inspector.editing;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import org.bson.BsonDocument;
import org.bson.BsonInvalidOperationException;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;
import org.bson.json.JsonParseException;
import org.bson.json.JsonReader;

/**
 * Parses the editor's Extended JSON exactly as {@link BsonDocument#parse} does (same reader, same codec), but reads
 * through a line counter so a syntax error can name its line, and refuses text after the document.
 */
public final class JsonDocumentParser {
    private JsonDocumentParser() {
    }

    /** The document, or the error and the 1-based line it was found on. */
    public record Result(BsonDocument document, String error, int line) {
        public boolean ok() {
            return document != null;
        }
    }

    public static Result parse(String text) {
        if (text == null || text.isBlank()) {
            return new Result(null, "The document is empty", 1);
        }
        LineCountingReader counting = new LineCountingReader(new StringReader(text));
        try (JsonReader reader = new JsonReader(counting)) {
            BsonDocument document = new BsonDocumentCodec().decode(reader, DecoderContext.builder().build());
            String rest = text.substring(Math.min(text.length(), counting.consumed()));
            if (!rest.isBlank()) {
                int junkAt = counting.consumed() + (rest.length() - rest.stripLeading().length());
                int line = (int) text.substring(0, junkAt).chars().filter(c -> c == '\n').count() + 1;
                return new Result(null, "Unexpected text after the end of the document", line);
            }
            return new Result(document, null, 0);
        } catch (JsonParseException | BsonInvalidOperationException | NumberFormatException e) {
            String message = e instanceof BsonInvalidOperationException
                    ? "The text must be one JSON object { … }" : e.getMessage();
            return new Result(null, message, counting.line());
        }
    }

    /** Counts the characters and new lines the JSON reader has consumed so far. */
    private static final class LineCountingReader extends FilterReader {
        private int line = 1;
        private int tokenLine = 1;
        private int consumed;

        LineCountingReader(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            count(c);
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            // One at a time so the count stops exactly where the reader stopped.
            if (length == 0) {
                return 0;
            }
            int c = read();
            if (c < 0) {
                return -1;
            }
            buffer[offset] = (char) c;
            return 1;
        }

        private void count(int c) {
            if (c >= 0) {
                consumed++;
                if (c == '\n') {
                    line++;
                } else if (!Character.isWhitespace(c)) {
                    tokenLine = line;
                }
            }
        }

        /** The line of the last non-blank character read (the reader reads one past a token's end). */
        int line() {
            return tokenLine;
        }

        int consumed() {
            return consumed;
        }
    }
}
