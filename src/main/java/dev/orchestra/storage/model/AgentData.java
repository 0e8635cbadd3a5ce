package dev.orchestra.storage.model;

import java.time.Instant;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A raw record an agent stored (tool results, plans, scratch state).
 *
 * @param content     any BSON value (required)
 * @param extraFields unknown fields and known fields of unexpected type, kept for lossless round trips
 */
public record AgentData(
        BsonValue id,
        String agentId,
        Instant timestamp,
        String dataType,
        BsonValue content,
        BsonDocument metadata,
        Instant expiration,
        BsonDocument extraFields) {

    public AgentData {
        metadata = metadata == null ? new BsonDocument() : metadata.clone();
        extraFields = extraFields == null ? new BsonDocument() : extraFields.clone();
    }

    public static AgentData of(String agentId, String dataType, BsonValue content) {
        return new AgentData(null, agentId, null, dataType, content, null, null, null);
    }

    public AgentData withId(BsonValue newId) {
        return new AgentData(newId, agentId, timestamp, dataType, content, metadata, expiration, extraFields);
    }

    public AgentData withTimestamp(Instant newTimestamp) {
        return new AgentData(id, agentId, newTimestamp, dataType, content, metadata, expiration, extraFields);
    }
}
