package dev.orchestra.storage.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class CachedValueFormatTest {

    private static List<byte[]> bytes(List<String> values) {
        return values.stream().map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
    }

    @Test
    void listsRoundTripEveryBsonType() {
        BsonDocument typed = new BsonDocument("_id", new BsonObjectId(new ObjectId()))
                .append("i32", new BsonInt32(1)).append("i64", new BsonInt64(1))
                .append("dec", new BsonDecimal128(Decimal128.parse("1.10")))
                .append("when", new BsonDateTime(1_700_000_000_123L))
                .append("bin", new BsonBinary(new byte[] {0, (byte) 0x80, 1}));
        var encoded = CachedValueFormat.encodeList(new BsonDocument("complete", new BsonString("x")), List.of(typed));

        CachedList decoded = CachedValueFormat.decodeList(bytes(encoded)).orElseThrow();

        assertThat(encoded.get(0)).contains("\"format\": \"orchestra-ejson/1\"");
        assertThat(encoded.get(1)).contains("$numberLong").contains("$numberDecimal").contains("$date");
        assertThat(decoded.elements()).containsExactly(typed);
        assertThat(decoded.header().getString("complete").getValue()).isEqualTo("x");
    }

    @Test
    void anythingButOurJsonIsForeign() {
        byte[] pickle = {(byte) 0x80, 0x04, (byte) 0x95, 0x10, 0, 0, 0, 0, 0, 0, 0, '}', '.'};
        assertThat(CachedValueFormat.decodeList(List.of(pickle))).isEmpty();
        assertThat(CachedValueFormat.decodeList(bytes(List.of("{\"format\": \"python\"}")))).isEmpty();
        assertThat(CachedValueFormat.decodeList(bytes(List.of("hello")))).isEmpty();
        assertThat(CachedValueFormat.decodeList(bytes(List.of("{\"format\": \"orchestra-ejson/1\"}", "{broken"))))
                .isEmpty();
        assertThat(CachedValueFormat.decodeList(List.of())).isEmpty();
    }

    @Test
    void hashesHoldTheDocumentAndReadableCopies() {
        BsonDocument session = new BsonDocument("user_id", new BsonString("u")).append("n", new BsonInt64(5));
        Map<String, String> plain = new LinkedHashMap<>();
        plain.put("user_id", "u");
        plain.put("format", "must not override the marker");
        var pairs = CachedValueFormat.encodeHash(session, plain);
        Map<byte[], byte[]> raw = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            raw.put(pairs.get(i).getBytes(StandardCharsets.UTF_8), pairs.get(i + 1).getBytes(StandardCharsets.UTF_8));
        }

        assertThat(pairs).containsSubsequence("format", "orchestra-ejson/1", "document").contains("user_id", "u")
                .doesNotContain("must not override the marker");
        assertThat(CachedValueFormat.decodeHash(raw)).contains(session);
    }

    @Test
    void aHashWithoutOurMarkerIsForeign() {
        Map<byte[], byte[]> raw = Map.of("document".getBytes(StandardCharsets.UTF_8),
                "{\"a\": 1}".getBytes(StandardCharsets.UTF_8));
        assertThat(CachedValueFormat.decodeHash(raw)).isEmpty();
    }
}
