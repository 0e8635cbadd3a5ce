package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import org.junit.jupiter.api.Test;

/** {@code indexes} on the in-memory store (APP_ENV=test), which has no indexes. */
class IndexesCommandTest {
    private final CliHarness cli = CliHarness.sharing(new InMemoryMemoryManager());

    @Test
    void theInMemoryStoreHasNothingToListOrCheck() {
        var listed = cli.run("indexes");
        var checked = cli.run("indexes", "--check", "--json");

        assertThat(listed.exitCode()).isZero();
        assertThat(listed.out()).contains("no indexes (in-memory)");
        assertThat(checked.exitCode()).isZero();
        assertThat(checked.out()).contains("\"applicable\": false");
    }

    @Test
    void creatingOnTheInMemoryStoreSaysWhyNot() {
        var created = cli.run("indexes", "--create-recommended", "--yes");

        assertThat(created.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(created.errLine()).isEqualTo("orchestra-inspector indexes: This store has no indexes (in-memory): "
                + "there is nothing to create");
    }

    @Test
    void createOptionsExcludeEachOther() {
        var both = cli.run("indexes", "--create-recommended", "--create", "user_session_time");

        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.errLine()).contains("exclude each other");
    }
}
