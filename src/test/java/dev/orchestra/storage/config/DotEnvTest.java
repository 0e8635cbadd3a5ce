package dev.orchestra.storage.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DotEnvTest {

    @Test
    void readsCommentsQuotesAndExportPrefix() {
        var values = DotEnv.parse(List.of(
                "# local settings",
                "APP_ENV=development",
                "export REDIS_HOST=127.0.0.1",
                "MONGODB_DATABASE=\"orchestra dev\"",
                "REDIS_PASSWORD='a#b'",
                "CACHE_TTL=60 # one minute",
                ""), ".env");
        assertThat(values).containsEntry("APP_ENV", "development")
                .containsEntry("REDIS_HOST", "127.0.0.1")
                .containsEntry("MONGODB_DATABASE", "orchestra dev")
                .containsEntry("REDIS_PASSWORD", "a#b")
                .containsEntry("CACHE_TTL", "60");
    }

    @Test
    void namesTheLineOfAMalformedEntry() {
        assertThatThrownBy(() -> DotEnv.parse(List.of("APP_ENV=test", "oops"), ".env"))
                .isInstanceOf(StorageValidationException.class)
                .hasMessage(".env line 2: expected KEY=value");
    }
}
