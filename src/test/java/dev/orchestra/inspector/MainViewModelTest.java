package dev.orchestra.inspector;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.config.StorageConfig;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MainViewModelTest {
    private final SameThreadRunner runner = new SameThreadRunner();

    @Test
    void titleNamesEnvironmentAndDatabaseWithoutCredentials() {
        StorageConfig config = StorageConfig.fromMap(Map.of("APP_ENV", "production",
                "MONGODB_URI", "mongodb://admin:s3cret@db.example.com:27017/?authSource=admin",
                "MONGODB_DATABASE", "orchestra_prod"));
        StoreDescription description = StoreDescription.of(config);
        MainViewModel model = new MainViewModel(description, new StoreConnection(runner, InMemoryMemoryManager::new));

        assertThat(description.production()).isTrue();
        assertThat(model.titleProperty().get()).contains("PRODUCTION").contains("orchestra_prod")
                .contains("db.example.com").doesNotContain("s3cret").doesNotContain("admin:");
    }

    @Test
    void aFailedConnectionIsExplainedInOneMessage() {
        StoreConnection store = new StoreConnection(runner, () -> {
            throw new StorageValidationException("MONGODB_URI is required when APP_ENV=staging");
        });
        MainViewModel model = new MainViewModel(StoreDescription.unknown(), store);
        assertThat(model.connectionMessageProperty().get()).startsWith("Connecting to");

        store.connect();

        assertThat(store.stateProperty().get()).isEqualTo(StoreConnection.State.FAILED);
        assertThat(model.connectionMessageProperty().get()).contains("MONGODB_URI is required")
                .doesNotContain("Exception");
        model.retryConnection();
        assertThat(store.stateProperty().get()).isEqualTo(StoreConnection.State.FAILED);
    }

    @Test
    void aTypedDatabaseNameIsCheckedLikeMongodbDatabaseBeforeAnythingSwitches() {
        List<String> switched = new ArrayList<>();
        ConnectionActions actions = new ConnectionActions() {
            @Override
            public void openConnectDialog() {
            }

            @Override
            public void switchDatabase(String database) {
                switched.add(database);
            }

            @Override
            public List<String> databaseNames() {
                return List.of("orchestra", "orchestra_eu");
            }
        };
        StoreDescription description = new StoreDescription("staging", "orchestra", "mongodb://db:27017", "no cache",
                false);
        MainViewModel model = new MainViewModel(description, new StoreConnection(runner, InMemoryMemoryManager::new),
                runner, actions, "Staging");

        model.switchDatabase("orchestra.eu");
        assertThat(model.databaseProblemProperty().get()).contains("may not contain").doesNotContain("\n");
        model.switchDatabase("a b");
        model.switchDatabase("orchestra");
        assertThat(switched).isEmpty();

        model.switchDatabase(" orchestra_eu ");
        assertThat(switched).containsExactly("orchestra_eu");
        assertThat(model.databaseProblemProperty().get()).isNull();

        model.loadDatabases();
        assertThat(model.databases()).containsExactly("orchestra", "orchestra_eu");
    }
}
