package dev.orchestra.inspector.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.sessions.ChatMessage.Role;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class ChatMessageTest {
    private static BsonDocument doc(String itemType, BsonDocument metadata) {
        BsonDocument d = new BsonDocument("item_type", new BsonString(itemType));
        if (metadata != null) {
            d.put("metadata", metadata);
        }
        return d;
    }

    @Test
    void roleComesFromMetadataThenFromTheItemType() {
        assertThat(ChatMessage.roleOf(doc("conversation", new BsonDocument("role", new BsonString("user")))))
                .isEqualTo(Role.USER);
        assertThat(ChatMessage.roleOf(doc("conversation", new BsonDocument("role", new BsonString("Assistant")))))
                .isEqualTo(Role.ASSISTANT);
        assertThat(ChatMessage.roleOf(doc("conversation", new BsonDocument("role", new BsonString("system")))))
                .isEqualTo(Role.SYSTEM);
        assertThat(ChatMessage.roleOf(doc("tool_result", null))).isEqualTo(Role.TOOL);
        assertThat(ChatMessage.roleOf(doc("tool", new BsonDocument("role", new BsonString("weird")))))
                .isEqualTo(Role.TOOL);
        assertThat(ChatMessage.roleOf(doc("summary", null))).isEqualTo(Role.NOTE);
        // metadata of the wrong type or a role that is not a string never breaks the transcript
        assertThat(ChatMessage.roleOf(new BsonDocument("metadata", new BsonString("x")))).isEqualTo(Role.NOTE);
        assertThat(ChatMessage.roleOf(doc("conversation", new BsonDocument("role", new BsonInt32(1)))))
                .isEqualTo(Role.ASSISTANT);
    }
}
