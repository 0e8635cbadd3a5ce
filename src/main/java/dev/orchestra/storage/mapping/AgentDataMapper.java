package dev.orchestra.storage.mapping;

import static dev.orchestra.storage.schema.Fields.AGENT_ID;
import static dev.orchestra.storage.schema.Fields.CONTENT;
import static dev.orchestra.storage.schema.Fields.DATA_TYPE;
import static dev.orchestra.storage.schema.Fields.EXPIRATION;
import static dev.orchestra.storage.schema.Fields.ID;
import static dev.orchestra.storage.schema.Fields.METADATA;
import static dev.orchestra.storage.schema.Fields.TIMESTAMP;

import dev.orchestra.storage.model.AgentData;
import org.bson.BsonDocument;

/** {@code agent_data} document &lt;-&gt; {@link AgentData}, losslessly (see {@link MemoryItemMapper}). */
public final class AgentDataMapper {
    private AgentDataMapper() {
    }

    public static AgentData fromDocument(BsonDocument document) {
        var r = new DocumentReader(document);
        return new AgentData(r.any(ID), r.string(AGENT_ID), r.date(TIMESTAMP), r.string(DATA_TYPE), r.any(CONTENT),
                r.document(METADATA), r.date(EXPIRATION), r.extraFields());
    }

    public static BsonDocument toDocument(AgentData data) {
        return new DocumentWriter(data.extraFields())
                .value(ID, data.id())
                .string(AGENT_ID, data.agentId())
                .date(TIMESTAMP, data.timestamp())
                .string(DATA_TYPE, data.dataType())
                .value(CONTENT, data.content())
                .document(METADATA, data.metadata())
                .date(EXPIRATION, data.expiration())
                .finish();
    }
}
