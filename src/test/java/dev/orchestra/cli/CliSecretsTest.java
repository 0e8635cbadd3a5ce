package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.factory.MemoryManagerFactory;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** No URI shape lets its password reach the CLI's stdout or stderr (health text, health JSON, one-line errors). */
class CliSecretsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mongodb://admin:p@Zx9secretTail@127.0.0.1:1/|p@Zx9secretTail",
            "mongodb://admin:Sl4sh/edSecret@127.0.0.1:1/db|Sl4sh/edSecret",
            "mongodb://admin:with Space9Secret@127.0.0.1:1/|with Space9Secret",
            "mongodb://admin:Enc%40oded9Secret@127.0.0.1:1/|Enc@oded9Secret"})
    void healthNeverPrintsTheMongoPassword(String uri, String secret) {
        for (String[] args : new String[][] {{"health"}, {"health", "--json"}, {"list", "memory_items"}}) {
            CliHarness cli = cli(Map.of("MONGODB_URI", uri));
            var result = cli.run(args);
            assertClean(result.out() + result.err(), secret);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "redis://:Red1sUrlSecret@127.0.0.1||Red1sUrlSecret",
            "127.0.0.1|qu\"ote Red1s pw|qu\"ote Red1s pw"})
    void healthNeverPrintsTheRedisPassword(String host, String password, String secret) {
        for (String[] args : new String[][] {{"health"}, {"health", "--json"}}) {
            CliHarness cli = cli(Map.of("MONGODB_URI", "mongodb://127.0.0.1:1/", "REDIS_HOST", host, "REDIS_PORT", "1"));
            if (password != null) {
                cli.env.put("REDIS_PASSWORD", password);
            }
            var result = cli.run(args);
            assertClean(result.out() + result.err(), secret);
        }
    }

    private static CliHarness cli(Map<String, String> env) {
        CliHarness cli = new CliHarness(MemoryManagerFactory::create);
        cli.env.put("APP_ENV", "staging");
        cli.env.put("STORAGE_TIMEOUT_MS", "300");
        cli.env.putAll(env);
        return cli;
    }

    private static void assertClean(String output, String secret) {
        assertThat(output).isNotBlank().doesNotContain(secret).doesNotContain(secret.substring(secret.length() - 6));
    }
}
