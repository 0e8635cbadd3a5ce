package dev.orchestra.inspector.sessions;

import dev.orchestra.inspector.common.DocumentRow;
import java.time.Instant;
import java.util.Locale;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * One entry of a transcript: a memory item seen as a chat message. The role comes from {@code metadata.role} when
 * present, else from {@code item_type} (tool items are tool messages; other non-conversation items are notes).
 */
public record ChatMessage(DocumentRow row, Role role) {

    public enum Role { USER, ASSISTANT, SYSTEM, TOOL, NOTE }

    public static ChatMessage of(DocumentRow row) {
        return new ChatMessage(row, roleOf(row.document()));
    }

    static Role roleOf(BsonDocument doc) {
        String itemType = string(doc, "item_type");
        BsonValue metadata = doc.get("metadata");
        String role = metadata != null && metadata.isDocument() ? string(metadata.asDocument(), "role") : null;
        if (role != null) {
            switch (role.toLowerCase(Locale.ROOT)) {
                case "user", "human" -> {
                    return Role.USER;
                }
                case "assistant", "ai", "agent", "bot" -> {
                    return Role.ASSISTANT;
                }
                case "system" -> {
                    return Role.SYSTEM;
                }
                case "tool", "function" -> {
                    return Role.TOOL;
                }
                default -> {
                    // fall through to the item type
                }
            }
        }
        if (itemType != null && itemType.toLowerCase(Locale.ROOT).contains("tool")) {
            return Role.TOOL;
        }
        return "conversation".equals(itemType) ? Role.ASSISTANT : Role.NOTE;
    }

    private static String string(BsonDocument doc, String field) {
        BsonValue v = doc.get(field);
        return v != null && v.isString() ? v.asString().getValue() : null;
    }

    public String itemType() {
        return string(row.document(), "item_type");
    }

    public Instant time() {
        return row.time();
    }

    /** The text as stored (text_content is not a secret-keyed field, so it is shown as is). */
    public String text() {
        String t = string(row.document(), "text_content");
        return t == null ? "" : t;
    }

    /** Whether text_content is null or absent (not the same as an empty string, and never the word "null"). */
    public boolean textIsNull() {
        BsonValue v = row.document().get("text_content");
        return v == null || v.isNull();
    }

    /** The tool's name for the collapsed header: metadata.tool / tool_name / name, when present. */
    public String toolName() {
        BsonValue metadata = row.document().get("metadata");
        if (metadata != null && metadata.isDocument()) {
            for (String key : new String[] {"tool", "tool_name", "name", "function"}) {
                String v = string(metadata.asDocument(), key);
                if (v != null) {
                    return v;
                }
            }
        }
        return null;
    }

    public String persona() {
        return string(row.document(), "persona_active");
    }

    public boolean isTool() {
        return role == Role.TOOL;
    }
}
