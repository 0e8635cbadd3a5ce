package dev.orchestra.storage.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.transfer.EveryBsonType;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;

class LosslessJsonTest {
    private static final double[] EDGE_DOUBLES = {-0.0, 0.0, 1.0, 100.0, 1e21, 1e-7, Double.MIN_VALUE, Double.MAX_VALUE,
            -Double.MIN_NORMAL, 0.1f, 0.1, -2.5e-300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};

    @Test
    void everyDoubleComesBackBitForBitAndStaysADouble() {
        BsonArray values = new BsonArray();
        for (double d : EDGE_DOUBLES) {
            values.add(new BsonDouble(d));
        }
        BsonDocument parsed = BsonDocument.parse(new BsonDocument("values", values).toJson(LosslessJson.SETTINGS));

        BsonArray back = parsed.getArray("values");
        assertThat(back).hasSize(EDGE_DOUBLES.length);
        for (int i = 0; i < EDGE_DOUBLES.length; i++) {
            BsonValue value = back.get(i);
            assertThat(value.isDouble()).as("element %d (%s) is a double", i, EDGE_DOUBLES[i]).isTrue();
            assertThat(Double.doubleToRawLongBits(value.asDouble().getValue()))
                    .as("element %d", i).isEqualTo(Double.doubleToRawLongBits(EDGE_DOUBLES[i]));
        }
    }

    @Test
    void finiteDoublesArePlainNumbersAndOtherTypesStayCanonical() {
        BsonDocument document = new BsonDocument("d", new BsonDouble(1.0)).append("nan", new BsonDouble(Double.NaN))
                .append("i", new BsonInt32(1)).append("l", new BsonInt64(1)).append("s", new BsonString("1.0"));

        String json = document.toJson(LosslessJson.SETTINGS);

        assertThat(json).contains("\"d\": 1.0,").contains("\"nan\": {\"$numberDouble\": \"NaN\"}")
                .contains("\"i\": {\"$numberInt\": \"1\"}").contains("\"l\": {\"$numberLong\": \"1\"}");
        assertThat(BsonDocument.parse(json)).isEqualTo(document);
    }

    @Test
    void aDocumentWithEveryBsonTypeRoundTrips() {
        BsonDocument document = EveryBsonType.memoryItem(new BsonString("x"), "alice", "s1", 7);

        assertThat(BsonDocument.parse(document.toJson(LosslessJson.SETTINGS))).isEqualTo(document);
    }
}
