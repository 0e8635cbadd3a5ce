package dev.orchestra.storage;

import java.util.Iterator;
import org.bson.BsonDocument;

/** Full stored documents, read lazily (a server cursor or page by page); close it to release the server cursor. */
public interface DocumentCursor extends Iterator<BsonDocument>, AutoCloseable {
    @Override
    void close();
}
