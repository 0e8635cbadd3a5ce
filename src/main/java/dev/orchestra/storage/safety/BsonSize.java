package dev.orchestra.storage.safety;

import org.bson.BsonBinaryWriter;
import org.bson.BsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;

/** The encoded BSON size of a document, as MongoDB counts it against its 16 MiB limit. */
final class BsonSize {
    private BsonSize() {
    }

    static int of(BsonDocument document) {
        var buffer = new BasicOutputBuffer();
        try (var writer = new BsonBinaryWriter(buffer)) {
            new BsonDocumentCodec().encode(writer, document, EncoderContext.builder().build());
        }
        return buffer.getSize();
    }
}
