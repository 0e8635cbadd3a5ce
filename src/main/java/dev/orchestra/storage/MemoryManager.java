package dev.orchestra.storage;

import dev.orchestra.storage.mapping.AgentDataMapper;
import dev.orchestra.storage.mapping.MemoryItemMapper;
import dev.orchestra.storage.model.AgentData;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.validation.Arguments;
import java.util.Optional;
import org.bson.BsonValue;

/**
 * Orchestra's memory store: both roles, what the stores ({@code mongo}, {@code inmemory}) and the decorators
 * ({@link ForwardingMemoryManager}) implement and what the factory returns. Callers declare the role they need:
 * {@link OrchestraMemory} for Orchestra's services, {@link DocumentStore} for the inspector and the CLI. MongoDB is
 * the source of truth; implementations may cache (see {@code TieredMemoryManager}).
 */
public interface MemoryManager extends OrchestraMemory, DocumentStore {

    @Override
    default BsonValue addMemoryItem(MemoryItem item) {
        Arguments.requireArgument(item, "memory item");
        return insert(StoreCollection.MEMORY_ITEMS, MemoryItemMapper.toDocument(item));
    }

    @Override
    default Optional<MemoryItem> getMemoryItem(BsonValue id) {
        return findById(StoreCollection.MEMORY_ITEMS, id).map(MemoryItemMapper::fromDocument);
    }

    @Override
    default BsonValue addRawAgentData(AgentData data) {
        Arguments.requireArgument(data, "agent data");
        return insert(StoreCollection.AGENT_DATA, AgentDataMapper.toDocument(data));
    }
}
