package dev.orchestra.storage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link MemoryManager} must have: both roles' suites ({@link OrchestraMemoryContract},
 * {@link DocumentStoreContract}, {@link SessionBatchContract}) and the lifecycle. Subclasses supply a fresh, empty,
 * initialized manager per test (a new database for server-backed ones) and may add tests of their own.
 */
public abstract class MemoryManagerContract implements OrchestraMemoryContract, DocumentStoreContract,
        SimilarityAndFollowContract, SessionBatchContract {
    protected MemoryManager manager;

    /** A new, empty manager; {@link MemoryManager#initialize()} is called by the suite. */
    protected abstract MemoryManager createManager();

    @Override
    public MemoryManager manager() {
        return manager;
    }

    @BeforeEach
    void openManager() {
        manager = createManager();
        manager.initialize();
    }

    @AfterEach
    void closeManager() {
        if (manager != null) {
            manager.close();
        }
    }

    // ---- lifecycle --------------------------------------------------------------------------------------------

    @Test
    void healthIsUpAfterInitialize() {
        assertThat(manager.checkHealth()).anySatisfy(h -> {
            assertThat(h.name()).isEqualTo("storage_mongodb");
            assertThat(h.isUp()).isTrue();
        });
    }
}
