package dev.orchestra.storage.transfer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bson.BsonBinaryReader;
import org.bson.BsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.DecoderContext;

/**
 * The documents an import's first pass found valid, as BSON in a private temp file, in file order with their line
 * numbers. The second pass writes from here: the JSON is parsed once (it was most of an import's CPU), and what is
 * written is exactly what was validated even if the file changes in between. Memory stays flat; the file is
 * deleted on close. A failure of the temp file is a {@link TransferException} that says so.
 */
final class ValidatedSpool implements AutoCloseable {
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();
    private static final int BUFFER = 1 << 16;

    /** A spooled document and the import file line it came from. */
    record SpooledDocument(long lineNumber, BsonDocument document) {
    }

    private final Path file;
    private final DataOutputStream out;
    private DataInputStream in;
    private long count;

    private ValidatedSpool(Path file, DataOutputStream out) {
        this.file = file;
        this.out = out;
    }

    /** A new, empty spool (the temp file is readable by its owner only on POSIX systems). */
    static ValidatedSpool create() {
        Path file = null;
        try {
            file = Files.createTempFile("orchestra-import-", ".bson");
            // it holds whole conversations: close() deletes it; this covers an exit in the middle of an import
            file.toFile().deleteOnExit();
            return new ValidatedSpool(file, new DataOutputStream(new BufferedOutputStream(
                    Files.newOutputStream(file), BUFFER)));
        } catch (IOException e) {
            deleteQuietly(file);
            throw failure("cannot be created", e);
        }
    }

    void add(long lineNumber, byte[] bson) {
        try {
            out.writeLong(lineNumber);
            out.writeInt(bson.length);
            out.write(bson);
        } catch (IOException e) {
            throw failure("cannot be written (is the disk full?)", e);
        }
        count++;
    }

    long size() {
        return count;
    }

    Path file() {
        return file;
    }

    /** The next document in file order, or null after the last; the first call ends the writing. */
    SpooledDocument next() {
        try {
            if (in == null) {
                out.close();
                in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), BUFFER));
            }
            long lineNumber;
            try {
                lineNumber = in.readLong();
            } catch (EOFException end) {
                return null;
            }
            byte[] bson = new byte[in.readInt()];
            in.readFully(bson);
            BsonDocument document = CODEC.decode(new BsonBinaryReader(ByteBuffer.wrap(bson)),
                    DecoderContext.builder().build());
            return new SpooledDocument(lineNumber, document);
        } catch (IOException e) {
            throw failure("cannot be read back", e);
        }
    }

    @Override
    public void close() {
        DataInputStream reader = in; // null until the first next(); try-with-resources skips a null resource
        try (out; reader) {
            // both streams closed, then the file deleted
        } catch (IOException e) {
            // nothing is lost: the documents were written or the import failed already
        } finally {
            deleteQuietly(file);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            // a temp file left behind in java.io.tmpdir; the OS cleans it
        }
    }

    private static TransferException failure(String what, IOException e) {
        return new TransferException("The temporary file of validated documents (in "
                + System.getProperty("java.io.tmpdir") + ") " + what + ": " + e.getMessage(), e);
    }
}
