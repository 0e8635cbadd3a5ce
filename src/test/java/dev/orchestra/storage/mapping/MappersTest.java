package dev.orchestra.storage.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.model.AgentData;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.UserSession;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.bson.BsonArray;
import org.bson.BsonBinary;
import org.bson.BsonDateTime;
import org.bson.BsonDecimal128;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

class MappersTest {
    private static final long MILLIS = 1_714_550_400_123L;

    @Test
    void wellFormedMemoryItemMapsToFieldsAndBack() {
        BsonDocument document = new BsonDocument("_id", new BsonString("id-1"))
                .append("user_id", new BsonString("u"))
                .append("session_id", new BsonString("s"))
                .append("timestamp", new BsonDateTime(MILLIS))
                .append("item_type", new BsonString("conversation"))
                .append("persona_active", new BsonString("coach"))
                .append("text_content", new BsonString("hi"))
                .append("embedding", new BsonArray(List.of(new BsonDouble(0.25), new BsonDouble(-1))))
                .append("metadata", new BsonDocument("role", new BsonString("user")))
                .append("expiration", new BsonDateTime(MILLIS + 1000));

        MemoryItem item = MemoryItemMapper.fromDocument(document);

        assertThat(item.id()).isEqualTo(new BsonString("id-1"));
        assertThat(item.timestamp()).isEqualTo(Instant.ofEpochMilli(MILLIS));
        assertThat(item.embedding()).containsExactly(0.25, -1.0);
        assertThat(item.metadata().getString("role").getValue()).isEqualTo("user");
        assertThat(item.expiration()).isEqualTo(Instant.ofEpochMilli(MILLIS + 1000));
        assertThat(item.extraFields()).isEmpty();
        assertThat(MemoryItemMapper.toDocument(item)).isEqualTo(document);
    }

    @Test
    void unexpectedTypesUnknownFieldsAndNullsTravelInExtraFields() {
        BsonDocument document = new BsonDocument("_id", new BsonObjectId(new ObjectId()))
                .append("user_id", new BsonInt32(42))
                .append("session_id", BsonNull.VALUE)
                .append("timestamp", new BsonString("2024-03-18T09:12:44Z"))
                .append("item_type", new BsonString("note"))
                .append("text_content", BsonNull.VALUE)
                .append("embedding", new BsonArray(List.of(new BsonInt32(1), new BsonDouble(2))))
                .append("metadata", new BsonString("not a document"))
                .append("expiration", BsonNull.VALUE)
                .append("sentiment", new BsonDecimal128(new Decimal128(new BigDecimal("0.820"))))
                .append("blob", new BsonBinary(new byte[] {1, 2, 3}))
                .append("big", new BsonInt64(Long.MAX_VALUE));

        MemoryItem item = MemoryItemMapper.fromDocument(document);

        assertThat(item.userId()).isNull();
        assertThat(item.timestamp()).isNull();
        assertThat(item.embedding()).isNull();
        assertThat(item.metadata()).isEmpty();
        assertThat(item.extraFields().keySet()).containsExactly("user_id", "session_id", "timestamp",
                "text_content", "embedding", "metadata", "expiration", "sentiment", "blob", "big");
        assertThat(MemoryItemMapper.toDocument(item)).isEqualTo(document);
    }

    @Test
    void aModelValueReplacesTheOddValueKeptInExtraFields() {
        BsonDocument document = new BsonDocument("_id", new BsonString("x"))
                .append("user_id", new BsonString("u"))
                .append("item_type", new BsonString("note"))
                .append("timestamp", new BsonString("yesterday"));

        MemoryItem fixed = MemoryItemMapper.fromDocument(document).withTimestamp(Instant.ofEpochMilli(MILLIS));

        assertThat(MemoryItemMapper.toDocument(fixed).get("timestamp")).isEqualTo(new BsonDateTime(MILLIS));
    }

    @Test
    void absentOptionalFieldsStayAbsentExceptMetadata() {
        BsonDocument document = new BsonDocument("_id", new BsonString("x"))
                .append("user_id", new BsonString("u"))
                .append("item_type", new BsonString("note"));

        BsonDocument back = MemoryItemMapper.toDocument(MemoryItemMapper.fromDocument(document));

        assertThat(back.keySet()).containsExactly("_id", "user_id", "item_type", "metadata");
        assertThat(back.getDocument("metadata")).isEmpty();
    }

    @Test
    void agentDataKeepsAnyContentAndExplicitNullContent() {
        for (var content : List.of(new BsonString("s"), new BsonArray(List.of(new BsonInt32(1))),
                new BsonDocument("k", new BsonInt64(1)), BsonNull.VALUE)) {
            BsonDocument document = new BsonDocument("_id", new BsonObjectId(new ObjectId()))
                    .append("agent_id", new BsonString("a"))
                    .append("timestamp", new BsonDateTime(MILLIS))
                    .append("data_type", new BsonString("plan"))
                    .append("content", content)
                    .append("metadata", new BsonDocument())
                    .append("extra", new BsonString("kept"));

            AgentData data = AgentDataMapper.fromDocument(document);

            assertThat(data.content()).isEqualTo(content);
            assertThat(data.extraFields().keySet()).containsExactly("extra");
            assertThat(AgentDataMapper.toDocument(data)).isEqualTo(document);
        }
    }

    @Test
    void userSessionRoundTrip() {
        BsonDocument document = new BsonDocument("_id", new BsonString("u:s"))
                .append("user_id", new BsonString("u"))
                .append("session_id", new BsonString("s"))
                .append("created_at", new BsonDateTime(MILLIS))
                .append("updated_at", new BsonString("later"))
                .append("persona_active", BsonNull.VALUE)
                .append("metadata", new BsonDocument("client", new BsonString("web")));

        UserSession session = UserSessionMapper.fromDocument(document);

        assertThat(session.createdAt()).isEqualTo(Instant.ofEpochMilli(MILLIS));
        assertThat(session.updatedAt()).isNull();
        assertThat(session.extraFields().keySet()).containsExactly("updated_at", "persona_active");
        assertThat(UserSessionMapper.toDocument(session)).isEqualTo(document);
    }

    @Test
    void newItemsWriteOnlyWhatIsSet() {
        BsonDocument document = MemoryItemMapper.toDocument(MemoryItem.of("u", null, "note", "t"));

        assertThat(document.keySet()).containsExactly("user_id", "item_type", "text_content", "metadata");
    }
}
