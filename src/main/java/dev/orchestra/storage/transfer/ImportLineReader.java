package dev.orchestra.storage.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads an import file line by line with bounded memory: a line longer than {@link #MAX_LINE_BYTES} is skipped
 * without being kept, each line is decoded on its own by a strict UTF-8 decoder (so invalid bytes reject that line
 * and no other, with its right number), and a UTF-8 byte-order mark at the start of the file is dropped. Lines end
 * at {@code \n}; a {@code \r} before it is dropped too.
 */
final class ImportLineReader {
    /** Above MongoDB's 16 MiB document limit (Extended JSON is longer than its BSON), far below the heap. */
    static final int MAX_LINE_BYTES = 20 << 20;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /** One line: its text, or why it was not read. */
    record Line(String text, String error) {
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[1 << 12];
    private int lineLength;
    private boolean atStart = true;

    ImportLineReader(InputStream in) {
        this(in, MAX_LINE_BYTES);
    }

    ImportLineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        lineLength = 0;
        long length = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                return any ? finish(length) : null;
            }
            any = true;
            int end = indexOfNewline();
            int stop = end < 0 ? limit : end;
            append(stop - position, length);
            length += stop - position;
            position = end < 0 ? limit : end + 1;
            if (end >= 0) {
                return finish(length);
            }
        }
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer);
        if (n <= 0) {
            return false;
        }
        position = 0;
        limit = n;
        if (atStart) {
            atStart = false;
            if (n >= BOM.length && Arrays.equals(buffer, 0, BOM.length, BOM, 0, BOM.length)) {
                position = BOM.length;
            }
        }
        return true;
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Keeps the bytes while the line is within the cap; past it they are only counted. */
    private void append(int count, long lengthSoFar) {
        if (lengthSoFar + count > maxLineBytes) {
            return;
        }
        if (lineLength + count > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(maxLineBytes, Math.max(2L * line.length, lineLength + count)));
        }
        System.arraycopy(buffer, position, line, lineLength, count);
        lineLength += count;
    }

    private Line finish(long length) {
        if (length > maxLineBytes) {
            shrink();
            return new Line(null, "longer than " + describe(maxLineBytes) + " (" + length + " bytes); skipped");
        }
        int end = lineLength > 0 && line[lineLength - 1] == '\r' ? lineLength - 1 : lineLength;
        try {
            String text = decoder.reset().decode(ByteBuffer.wrap(line, 0, end)).toString();
            shrink();
            return new Line(text, null);
        } catch (CharacterCodingException e) {
            shrink();
            return new Line(null, "not valid UTF-8; skipped");
        }
    }

    /** One huge line must not pin its buffer for the rest of the file. */
    private void shrink() {
        if (line.length > buffer.length) {
            line = new byte[1 << 12];
        }
    }

    private static String describe(int bytes) {
        return bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : bytes + " bytes";
    }
}
