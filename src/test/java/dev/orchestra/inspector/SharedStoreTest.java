package dev.orchestra.inspector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.DatabaseSwitching;
import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedStoreTest {
    private final AtomicInteger opened = new AtomicInteger();
    private final List<String> closed = new ArrayList<>();

    /** A store that can show other databases; each store records its closing by name. */
    private final class Recorded extends ForwardingMemoryManager implements DatabaseSwitching {
        private final String name;

        Recorded(String name) {
            super(new InMemoryMemoryManager());
            this.name = name;
        }

        @Override
        public <T> Optional<T> capability(Class<T> type) {
            return type == DatabaseSwitching.class ? Optional.of(type.cast(this)) : super.capability(type);
        }

        @Override
        public String database() {
            return name;
        }

        @Override
        public List<String> databaseNames() {
            return List.of(name, "other");
        }

        @Override
        public MemoryManager onDatabase(String database) {
            return new Recorded(database);
        }

        @Override
        public void close() {
            synchronized (closed) {
                closed.add(name);
            }
        }
    }

    private final StoreConnection.Opener opener = () -> {
        opened.incrementAndGet();
        return new Recorded("root");
    };

    @Test
    void everyDatabaseIsLentFromOneOpenedStoreAndClosingAViewClosesOnlyIt() throws Exception {
        SharedStore shared = new SharedStore(opener);
        assertThat(shared.switchesDatabases()).isFalse();
        assertThat(shared.databaseNames()).isEmpty();

        MemoryManager configured = shared.lease(null).open();
        MemoryManager other = shared.lease("other").open();
        assertThat(opened).hasValue(1);
        assertThat(shared.switchesDatabases()).isTrue();
        assertThat(shared.databaseNames()).containsExactly("root", "other");
        assertThat(other.capability(DatabaseSwitching.class).orElseThrow().database()).isEqualTo("other");

        configured.close();
        other.close();
        other.close(); // a second close returns nothing twice
        assertThat(closed).containsExactly("other");

        MemoryManager back = shared.lease(null).open();
        assertThat(opened).hasValue(1);
        shared.retire();
        assertThat(closed).containsExactly("other"); // still lent
        back.close();
        assertThat(closed).containsExactly("other", "root");
        assertThatThrownBy(() -> shared.lease(null).open()).isInstanceOf(StorageConnectionException.class);
        assertThat(opened).hasValue(1);
    }

    @Test
    void aStoreThatCannotSwitchIsNotOfferedForIt() throws Exception {
        SharedStore shared = new SharedStore(InMemoryMemoryManager::new);
        MemoryManager store = shared.lease(null).open();
        assertThat(shared.switchesDatabases()).isFalse();
        assertThat(shared.databaseNames()).isEmpty();
        assertThatThrownBy(() -> shared.lease("other").open()).isInstanceOf(StorageConnectionException.class);
        store.close();
    }
}
