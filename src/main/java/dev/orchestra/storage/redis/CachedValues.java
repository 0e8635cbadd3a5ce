package dev.orchestra.storage.redis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;

/**
 * Decodes raw values read elsewhere (e.g. the coherence check's pipelined reads) exactly as the cache's own reads
 * do: ours when marked with our format, empty for anything else, which is never decoded further.
 */
public final class CachedValues {
    /** The field marking our values: element 0 of a list (a JSON document) or a field of a hash. */
    public static final String FORMAT_FIELD = CachedValueFormat.FORMAT_FIELD;
    /** Its value in our values. */
    public static final String FORMAT = CachedValueFormat.FORMAT;

    private CachedValues() {
    }

    /** A {@code history:*} list (header, then one item per element); empty when the list is not ours. */
    public static Optional<CachedList> decodeList(List<byte[]> raw) {
        return CachedValueFormat.decodeList(raw);
    }

    /** The document in a {@code session:*} hash; empty when the hash is not ours. */
    public static Optional<BsonDocument> decodeHash(Map<byte[], byte[]> raw) {
        return CachedValueFormat.decodeHash(raw);
    }
}
