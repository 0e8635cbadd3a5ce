package dev.orchestra.storage.transfer;

import dev.orchestra.storage.mapping.LosslessJson;
import java.io.IOException;
import java.io.Writer;
import org.bson.BsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.codecs.EncoderContext;
import org.bson.json.JsonWriter;

/**
 * One document per line in lossless Extended JSON ({@link LosslessJson}: canonical, doubles as plain numbers): every
 * BSON type (dates, Int64, Decimal128, binary…) is spelled out, so an import reproduces the document exactly. Newlines inside strings are escaped by the JSON writer.
 */
public final class JsonLinesDocumentWriter implements DocumentWriter {
    private static final BsonDocumentCodec CODEC = new BsonDocumentCodec();

    private final Writer out;

    public JsonLinesDocumentWriter(Writer out) {
        this.out = out;
    }

    @Override
    public void begin() {
        // JSON lines have no header
    }

    @Override
    public void write(BsonDocument document) throws IOException {
        CODEC.encode(new JsonWriter(out, LosslessJson.SETTINGS), document, EncoderContext.builder().build());
        out.write('\n');
    }
}
