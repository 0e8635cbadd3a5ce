package dev.orchestra.storage.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.MemoryManagerContract;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.StoreCollection;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.junit.jupiter.api.Test;

class InMemoryMemoryManagerContractTest extends MemoryManagerContract {
    @Override
    protected MemoryManager createManager() {
        return new InMemoryMemoryManager();
    }

    @Override
    public void insertForeign(StoreCollection collection, BsonDocument document) {
        ((InMemoryMemoryManager) manager).insertUnchecked(collection, document);
    }

    @Test
    void simulatedOutageFailsOperationsAndReportsError() {
        var inMemory = (InMemoryMemoryManager) manager;
        inMemory.simulateOutage(true);

        assertThatThrownBy(() -> inMemory.getMemoryItem(new BsonString("x")))
                .isInstanceOf(StorageConnectionException.class);
        assertThat(inMemory.checkHealth().get(0).status()).isEqualTo(HealthStatus.ERROR);

        inMemory.simulateOutage(false);
        assertThat(inMemory.addMemoryItem(MemoryItem.of("u", "s", "note", "back"))).isNotNull();
    }
}
