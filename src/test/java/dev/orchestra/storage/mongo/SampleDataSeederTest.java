package dev.orchestra.storage.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.MemoryItem;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import org.junit.jupiter.api.Test;

/** The seeder on the in-memory store (the MongoDB side is covered by EmbeddedMongoStoreIT). */
class SampleDataSeederTest {
    @Test
    void seedsOnceWithEnoughRowsForSeveralPages() {
        var manager = new InMemoryMemoryManager();

        assertThat(SampleDataSeeder.seedIfNeeded(manager)).isTrue();
        long items = manager.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value();
        assertThat(items).isGreaterThanOrEqualTo(300);
        assertThat(manager.findPage(StoreCollection.MEMORY_ITEMS, DocumentFilter.none(), PageRequest.first(100))
                .hasMore()).isTrue();
        assertThat(SampleDataSeeder.seedIfNeeded(manager)).isFalse();
        assertThat(manager.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(items);
    }

    @Test
    void neverSeedsOverExistingData() {
        var manager = new InMemoryMemoryManager();
        manager.addMemoryItem(MemoryItem.of("someone", "s", "note", "real data"));

        assertThat(SampleDataSeeder.seedIfNeeded(manager)).isFalse();
        assertThat(manager.count(StoreCollection.MEMORY_ITEMS, DocumentFilter.none()).value()).isEqualTo(1);
    }
}
