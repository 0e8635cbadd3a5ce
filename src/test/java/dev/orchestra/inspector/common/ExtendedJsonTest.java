package dev.orchestra.inspector.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.bson.BsonArray;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt64;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class ExtendedJsonTest {
    private static BsonDocument document() {
        BsonArray embedding = new BsonArray();
        IntStream.range(0, 1536).forEach(i -> embedding.add(new BsonDouble(i / 1000.0 - 0.5)));
        return new BsonDocument("_id", new BsonString("a"))
                .append("timestamp", new BsonDateTime(1714557600000L))
                .append("count", new BsonInt64(42))
                .append("embedding", embedding)
                .append("tags", new BsonArray(List.of(new BsonString("x"), new BsonString("y"))));
    }

    @Test
    void readablePacksNumberArraysAndStaysTheSameDocument() {
        BsonDocument doc = document();
        String json = ExtendedJson.format(doc, false);

        assertThat(json.lines().count()).isLessThan(400); // not 1,536 lines of numbers
        assertThat(json.lines()).allMatch(l -> l.length() <= 90);
        assertThat(json).contains("\"tags\": [\n    \"x\",");
        assertThat(BsonDocument.parse(json)).isEqualTo(doc);
    }

    @Test
    void readableShowsDatesBefore1970AndEmojiAsTheyAre() {
        BsonDocument doc = new BsonDocument("when", new BsonDateTime(-14_182_940_000L))
                .append("text", new BsonString("to the moon 🚀"));

        String json = ExtendedJson.format(doc, false);

        assertThat(json).contains("ISODate(\"1969-07-20T20:17:40.000Z\")").contains("🚀")
                .doesNotContain("$numberLong").doesNotContain("\\ud83d");
        assertThat(ExtendedJson.compact(doc)).contains("🚀").doesNotContain("\n");
    }

    @Test
    void canonicalKeepsEveryTypeExplicit() {
        String json = ExtendedJson.format(document(), true);
        assertThat(json).contains("\"$numberLong\": \"42\"").contains("\"$date\": {")
                .contains("\"$numberLong\": \"1714557600000\"").contains("\"$numberDouble\"");
        assertThat(BsonDocument.parse(json)).isEqualTo(document());
    }
}
