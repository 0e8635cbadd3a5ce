package dev.orchestra.inspector.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.common.TimeFormat;
import java.time.Instant;
import java.util.UUID;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonJavaScriptWithScope;
import org.bson.BsonNull;
import org.bson.BsonRegularExpression;
import org.bson.BsonString;
import org.bson.BsonTimestamp;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

class BsonTreeItemTest {

    @Test
    void typeColumnShowsFullTypeNames() {
        assertThat(BsonTreeItem.node("a", new BsonInt32(1)).type()).isEqualTo("Int32");
        assertThat(BsonTreeItem.node("a", new BsonInt64(1)).type()).isEqualTo("Int64");
        assertThat(BsonTreeItem.node("a", new BsonDouble(1)).type()).isEqualTo("Double");
        assertThat(BsonTreeItem.node("a", new BsonDecimal128(Decimal128.parse("1"))).type()).isEqualTo("Decimal128");
        assertThat(BsonTreeItem.node("a", new BsonJavaScriptWithScope("x", new BsonDocument())).type())
                .isEqualTo("JavaScriptWithScope");
    }

    @Test
    void valuesReadAsWhatTheyAre() {
        UUID uuid = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        BsonNode uuidNode = BsonTreeItem.node("id", new BsonBinary(uuid));
        assertThat(uuidNode.type()).isEqualTo("UUID");
        assertThat(uuidNode.value()).isEqualTo(uuid.toString());

        assertThat(BsonTreeItem.node("ts", new BsonTimestamp(1_700_000_000, 7)).value())
                .isEqualTo("Timestamp(1700000000, 7)");
        assertThat(BsonTreeItem.node("re", new BsonRegularExpression("^a.*", "im")).value()).isEqualTo("/^a.*/im");
        Instant moon = Instant.parse("1969-07-20T20:17:40Z");
        assertThat(BsonTreeItem.node("when", new BsonDateTime(moon.toEpochMilli())).value())
                .isEqualTo(TimeFormat.dateTime(moon));
        assertThat(BsonTreeItem.node("text", new BsonString("liftoff 🚀")).value()).isEqualTo("liftoff 🚀");
        assertThat(BsonTreeItem.node("doc", new BsonDocument("t", new BsonString("🚀"))).look())
                .isEqualTo(BsonNode.Look.PLAIN);
    }

    @Test
    void nullIsStyledAndNotTheStringNull() {
        assertThat(BsonTreeItem.node("text_content", BsonNull.VALUE).look()).isEqualTo(BsonNode.Look.NULL);
        assertThat(BsonTreeItem.node("text_content", new BsonString("null")).look()).isEqualTo(BsonNode.Look.PLAIN);
    }

    @Test
    void int64EpochMillisInATimeFieldShowsTheDateFlagged() {
        Instant when = Instant.parse("2024-06-01T12:00:00Z");
        BsonNode node = BsonTreeItem.node("timestamp", new BsonInt64(when.toEpochMilli()));

        assertThat(node.type()).isEqualTo("Int64");
        assertThat(node.look()).isEqualTo(BsonNode.Look.FLAGGED);
        assertThat(node.value()).startsWith(TimeFormat.dateTime(when)).contains("Int64 epoch millis 1717243200000");
        // Not a time field, or seconds rather than millis: the number as it is.
        assertThat(BsonTreeItem.node("count", new BsonInt64(when.toEpochMilli())).look()).isEqualTo(BsonNode.Look.PLAIN);
        assertThat(BsonTreeItem.node("created_at", new BsonInt64(1_717_243_200L)).value()).isEqualTo("1717243200");
    }
}
