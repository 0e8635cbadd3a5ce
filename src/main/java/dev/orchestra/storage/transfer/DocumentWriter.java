package dev.orchestra.storage.transfer;

import java.io.IOException;
import org.bson.BsonDocument;

/** Writes exported documents one at a time in one format; holds nothing but the current document. */
public interface DocumentWriter {
    /** Called once before the first document (CSV writes its header here). */
    void begin() throws IOException;

    void write(BsonDocument document) throws IOException;
}
