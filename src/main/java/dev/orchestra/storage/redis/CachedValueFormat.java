package dev.orchestra.storage.redis;

import dev.orchestra.storage.mapping.LosslessJson;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.BsonDocument;
import org.bson.BsonString;

/**
 * Our cached values: lossless Extended JSON ({@link LosslessJson}: every BSON type survives), marked with a
 * {@code format} field.
 * Anything else found under our keys (another service's pickle, a plain string, JSON without our marker) is
 * reported as foreign and never decoded further.
 */
final class CachedValueFormat {
    static final String FORMAT_FIELD = "format";
    static final String FORMAT = "orchestra-ejson/1";
    static final String DOCUMENT_FIELD = "document";

    private CachedValueFormat() {
    }

    static String toJson(BsonDocument document) {
        return document.toJson(LosslessJson.SETTINGS);
    }

    /** Header first, then the elements, each as one JSON string. */
    static List<String> encodeList(BsonDocument header, List<BsonDocument> elements) {
        BsonDocument markedHeader = new BsonDocument(FORMAT_FIELD, new BsonString(FORMAT));
        header.forEach((name, value) -> {
            if (!FORMAT_FIELD.equals(name)) {
                markedHeader.put(name, value);
            }
        });
        List<String> encoded = new ArrayList<>(elements.size() + 1);
        encoded.add(toJson(markedHeader));
        elements.forEach(e -> encoded.add(toJson(e)));
        return encoded;
    }

    /** Field/value pairs of a hash: our marker, the whole document, and readable copies of some fields. */
    static List<String> encodeHash(BsonDocument document, Map<String, String> plainFields) {
        List<String> pairs = new ArrayList<>();
        pairs.add(FORMAT_FIELD);
        pairs.add(FORMAT);
        pairs.add(DOCUMENT_FIELD);
        pairs.add(toJson(document));
        plainFields.forEach((name, value) -> {
            if (!FORMAT_FIELD.equals(name) && !DOCUMENT_FIELD.equals(name) && value != null) {
                pairs.add(name);
                pairs.add(value);
            }
        });
        return pairs;
    }

    /** Empty when the list is not ours. */
    static Optional<CachedList> decodeList(List<byte[]> raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        Optional<BsonDocument> header = parse(raw.get(0)).filter(CachedValueFormat::isMarked);
        if (header.isEmpty()) {
            return Optional.empty();
        }
        List<BsonDocument> elements = new ArrayList<>(raw.size() - 1);
        for (byte[] element : raw.subList(1, raw.size())) {
            Optional<BsonDocument> parsed = parse(element);
            if (parsed.isEmpty()) {
                return Optional.empty();
            }
            elements.add(parsed.get());
        }
        return Optional.of(new CachedList(header.get(), elements));
    }

    /** The cached document, or empty when the hash is not ours. */
    static Optional<BsonDocument> decodeHash(Map<byte[], byte[]> raw) {
        byte[] format = valueOf(raw, FORMAT_FIELD);
        byte[] document = valueOf(raw, DOCUMENT_FIELD);
        if (format == null || document == null || !Arrays.equals(format, FORMAT.getBytes(StandardCharsets.UTF_8))) {
            return Optional.empty();
        }
        return parse(document);
    }

    private static boolean isMarked(BsonDocument header) {
        return header.isString(FORMAT_FIELD) && FORMAT.equals(header.getString(FORMAT_FIELD).getValue());
    }

    private static byte[] valueOf(Map<byte[], byte[]> raw, String field) {
        byte[] wanted = field.getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<byte[], byte[]> entry : raw.entrySet()) {
            if (Arrays.equals(entry.getKey(), wanted)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** Strict: invalid UTF-8 (a pickle's first byte is 0x80) or anything but a JSON document is not ours. */
    private static Optional<BsonDocument> parse(byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != '{') {
            return Optional.empty();
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return Optional.of(BsonDocument.parse(text));
        } catch (CharacterCodingException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
