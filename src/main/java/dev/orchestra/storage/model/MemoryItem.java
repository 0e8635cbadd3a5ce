package dev.orchestra.storage.model;

import java.time.Instant;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * One entry of an agent's memory; {@code item_type = "conversation"} items are the chat messages.
 *
 * @param id          {@code _id}; null means "generate a UUID string on insert". Other writers may use ObjectIds.
 * @param timestamp   null means "now" on insert
 * @param embedding   null when the item has none
 * @param metadata    never null (empty document by default)
 * @param extraFields fields this library does not know, and known fields whose stored type was unexpected;
 *                    kept so that a round trip loses nothing
 */
public record MemoryItem(
        BsonValue id,
        String userId,
        String sessionId,
        Instant timestamp,
        String itemType,
        String personaActive,
        String textContent,
        List<Double> embedding,
        BsonDocument metadata,
        Instant expiration,
        BsonDocument extraFields) {

    public static final String CONVERSATION = "conversation";

    public MemoryItem {
        metadata = metadata == null ? new BsonDocument() : metadata.clone();
        extraFields = extraFields == null ? new BsonDocument() : extraFields.clone();
        embedding = embedding == null ? null : List.copyOf(embedding);
    }

    /** A new item to insert: id and timestamp are filled in by the store. */
    public static MemoryItem of(String userId, String sessionId, String itemType, String textContent) {
        return new MemoryItem(null, userId, sessionId, null, itemType, null, textContent, null, null, null, null);
    }

    public MemoryItem withId(BsonValue newId) {
        return new MemoryItem(newId, userId, sessionId, timestamp, itemType, personaActive, textContent, embedding,
                metadata, expiration, extraFields);
    }

    public MemoryItem withTimestamp(Instant newTimestamp) {
        return new MemoryItem(id, userId, sessionId, newTimestamp, itemType, personaActive, textContent, embedding,
                metadata, expiration, extraFields);
    }

    public MemoryItem withEmbedding(List<Double> newEmbedding) {
        return new MemoryItem(id, userId, sessionId, timestamp, itemType, personaActive, textContent, newEmbedding,
                metadata, expiration, extraFields);
    }

    public MemoryItem withPersona(String persona) {
        return new MemoryItem(id, userId, sessionId, timestamp, itemType, persona, textContent, embedding,
                metadata, expiration, extraFields);
    }

    public MemoryItem withMetadata(BsonDocument newMetadata) {
        return new MemoryItem(id, userId, sessionId, timestamp, itemType, personaActive, textContent, embedding,
                newMetadata, expiration, extraFields);
    }

    public MemoryItem withExpiration(Instant newExpiration) {
        return new MemoryItem(id, userId, sessionId, timestamp, itemType, personaActive, textContent, embedding,
                metadata, newExpiration, extraFields);
    }
}
