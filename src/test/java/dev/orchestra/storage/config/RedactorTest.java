package dev.orchestra.storage.config;

import dev.orchestra.cli.RedactingTurboFilter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.health.HealthReport;
import dev.orchestra.storage.model.HealthStatus;
import dev.orchestra.storage.redis.RedisCacheSettings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Each URI shape that pattern-based redaction got wrong, through every output path: the config's own texts, log
 * lines (message, arguments and exceptions, as an appender receives them), exception texts, and the health JSON.
 */
class RedactorTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger("redaction-test-" + System.nanoTime());
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    /** environment, the secret it holds. */
    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(Map.of("MONGODB_URI", "mongodb://admin:p@Zx9secretTail@127.0.0.1:1/"), "p@Zx9secretTail"),
                Arguments.of(Map.of("MONGODB_URI", "mongodb://admin:Sl4sh/edSecret@127.0.0.1:1/db"), "Sl4sh/edSecret"),
                Arguments.of(Map.of("MONGODB_URI", "mongodb://admin:with Space9Secret@127.0.0.1:1/"),
                        "with Space9Secret"),
                Arguments.of(Map.of("MONGODB_URI", "mongodb://admin:Enc%40oded9Secret@127.0.0.1:1/"),
                        "Enc@oded9Secret"),
                Arguments.of(Map.of("MONGODB_URI", "mongodb://127.0.0.1:1/", "REDIS_HOST",
                        "redis://:Red1sUrlSecret@127.0.0.1"), "Red1sUrlSecret"),
                Arguments.of(Map.of("MONGODB_URI", "mongodb://127.0.0.1:1/", "REDIS_HOST", "127.0.0.1",
                        "REDIS_PASSWORD", "qu\"ote\\Red1s pw"), "qu\"ote\\Red1s pw"));
    }

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    private static StorageConfig config(Map<String, String> env) {
        Map<String, String> values = new HashMap<>(env);
        values.put("APP_ENV", "staging");
        return StorageConfig.fromMap(values);
    }

    /** The configuration's redactor; for a URI the driver refuses, the one its error message was made with. */
    private static Redactor redactor(Map<String, String> env, String secret) {
        try {
            return Redactor.of(config(env));
        } catch (StorageValidationException refused) {
            assertClean(refused.getMessage(), secret);
            return Redactor.forSecrets(Redactor.passwordIn(env.get("MONGODB_URI")).stream().toList());
        }
    }

    /** The secret, and the tell-tale part of it that a partial redaction would leave behind. */
    private static void assertClean(String text, String secret) {
        String tail = secret.substring(secret.length() - 6);
        assertThat(text).doesNotContain(secret).doesNotContain(tail)
                .doesNotContain(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void theConfigurationNeverShowsThePassword(Map<String, String> env, String secret) {
        StorageConfig config;
        try {
            config = config(env);
        } catch (StorageValidationException refused) {
            assertClean(refused.getMessage(), secret); // the driver refuses an unencoded '@': the message is clean
            return;
        }
        assertClean(config.toString(), secret);
        assertClean(config.mongoDisplayName(), secret);
        assertClean(config.redisDisplayName(), secret);
        assertClean(RedisCacheSettings.from(config).toString(), secret);
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void theRedactorRemovesThePasswordInEveryEncoding(Map<String, String> env, String secret) {
        Redactor redactor = redactor(env, secret);
        assertThat(redactor.redact(secret)).isEqualTo("***");
        for (String leak : List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8),
                URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"),
                secret.replace("\\", "\\\\").replace("\"", "\\\""), String.join(" ", env.values()))) {
            assertClean(redactor.redact("Timed out: " + leak + " (driver said so)"), secret);
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void everyLogLineIsRedactedBeforeAnAppenderSeesIt(Map<String, String> env, String secret) {
        RedactingTurboFilter.install(redactor(env, secret));

        logger.warn("Redis at {} failed", env.getOrDefault("REDIS_HOST", env.get("MONGODB_URI")));
        logger.error("connecting failed", new IllegalStateException("wrapper",
                new RuntimeException("Exception authenticating MongoCredential{password=" + secret + "}")));
        logger.warn("plain " + secret);

        assertThat(appender.list).hasSize(3);
        for (ILoggingEvent event : appender.list) {
            assertClean(event.getFormattedMessage(), secret);
            if (event.getThrowableProxy() != null) {
                assertClean(ThrowableProxyUtil.asString(event.getThrowableProxy()), secret);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void theHealthJsonHoldsNoPassword(Map<String, String> env, String secret) {
        Redactor redactor = redactor(env, secret);
        var failed = new ComponentHealth(ComponentHealth.MONGODB, HealthStatus.ERROR, -1,
                Map.of("server", env.get("MONGODB_URI")), "Command failed with password " + secret, Instant.now());
        String json = HealthReport.of(List.of(failed), "staging", "1").toJson();
        assertClean(redactor.redact(json), secret);
    }
}
