package dev.orchestra.storage.safety;

import java.util.Arrays;
import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/** A document's encoded BSON: its size as MongoDB counts it, and byte-for-byte comparison (types and field order). */
final class BsonBytes {
    private BsonBytes() {
    }

    static byte[] of(BsonDocument document) {
        var buffer = new BasicOutputBuffer();
        try (var writer = new BsonBinaryWriter(buffer)) {
            new BsonDocumentCodec().encode(writer, document, EncoderContext.builder().build());
        }
        return buffer.toByteArray();
    }

    static int size(BsonDocument document) {
        return of(document).length;
    }

    /** {@link BsonDocument#equals} ignores field order; this does not. */
    static boolean identical(BsonDocument a, BsonDocument b) {
        return Arrays.equals(of(a), of(b));
    }
}
