package dev.orchestra.inspector.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.common.ExtendedJson;
import dev.orchestra.inspector.common.JsonNotation;
import java.util.Map;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The editor's text, in either notation, parses back (through the editor's parser) to byte-identical BSON. */
class JsonNotationRoundTripTest {

    @ParameterizedTest
    @EnumSource(JsonNotation.class)
    void wholeDocumentWithEveryBsonTypeComesBackByteIdentical(JsonNotation notation) {
        BsonDocument original = EveryBsonValue.memoryItem("every");
        String text = ExtendedJson.format(original, notation);

        JsonDocumentParser.Result parsed = JsonDocumentParser.parse(text);

        assertThat(parsed.ok()).as(parsed.error() + "\n" + text).isTrue();
        assertThat(EveryBsonValue.bytes(parsed.document())).isEqualTo(EveryBsonValue.bytes(original));
    }

    @ParameterizedTest
    @EnumSource(JsonNotation.class)
    void eachValueOnItsOwnComesBackWithItsTypeAndBytes(JsonNotation notation) {
        for (Map.Entry<String, BsonValue> e : EveryBsonValue.everyType().entrySet()) {
            BsonDocument one = new BsonDocument(e.getKey(), e.getValue());
            String text = ExtendedJson.format(one, notation);
            JsonDocumentParser.Result parsed = JsonDocumentParser.parse(text);
            assertThat(parsed.ok()).as(e.getKey() + ": " + parsed.error() + " in " + text).isTrue();
            assertThat(parsed.document().get(e.getKey()).getBsonType()).as(e.getKey() + " in " + text)
                    .isEqualTo(e.getValue().getBsonType());
            assertThat(EveryBsonValue.bytes(parsed.document())).as(e.getKey() + " in " + text)
                    .isEqualTo(EveryBsonValue.bytes(one));
        }
    }

    @Test
    void readableTextIsTheShellSyntax() {
        String text = ExtendedJson.format(EveryBsonValue.everyType(), JsonNotation.READABLE);

        assertThat(text).doesNotContain("$numberLong", "$numberInt", "$numberDouble", "$date")
                .contains("\"date\": ISODate(\"2024-06-01T12:00:00.000Z\")")
                .contains("\"date_pre_1970\": ISODate(\"1969-07-20T20:17:40.000Z\")")
                .contains("\"int32\": 42,")
                .contains("\"int64\": NumberLong(42)")
                .contains("\"double_one\": 1.0,")
                .contains("\"double_minus_zero\": -0.0,")
                .contains("\"decimal\": NumberDecimal(\"12.50\")")
                .contains("\"object_id\": ObjectId(\"65a1b2c3d4e5f60718293a4b\")")
                .contains("\"binary_4\": UUID(\"0f8fad5b-d9cb-469f-a165-70867728950e\")")
                .contains("\"binary_3\": BinData(3, ")
                .contains("\"timestamp\": Timestamp(1700000000, 7)")
                .contains("\"regex\": /^ab+c\\d/imsx")
                .contains("\"string_emoji\": \"launch 🚀 family 👨‍👩‍👧 ✓ ünï\"")
                .contains("nul\\u0000 bell\\u0007 tab\\t cr\\r lf\\n sep\\u2028 quote\\\" backslash\\\\ lone\\ud800 "
                        + "zwsp\\u200b");
    }

    @Test
    void canonicalTextSpellsOutEveryTypeAndKeepsEmoji() {
        String text = ExtendedJson.format(EveryBsonValue.everyType(), JsonNotation.CANONICAL);

        assertThat(text).contains("\"$numberInt\": \"42\"").contains("\"$date\": {")
                .contains("\"$numberLong\": \"1717243200000\"")
                .contains("launch 🚀 family 👨‍👩‍👧")
                .doesNotContain("\\ud83d");
    }
}
