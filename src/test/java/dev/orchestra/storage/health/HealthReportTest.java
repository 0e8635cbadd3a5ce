package dev.orchestra.storage.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.model.ComponentHealth;
import dev.orchestra.storage.model.HealthStatus;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthReportTest {
    private static final Instant AT = Instant.parse("2026-01-02T03:04:05Z");

    private static ComponentHealth up(String name, long latency, String version) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("server_version", version);
        return new ComponentHealth(name, HealthStatus.OK, latency, details, null, AT);
    }

    private static ComponentHealth down(String name, String error) {
        return new ComponentHealth(name, HealthStatus.ERROR, -1, Map.of(), error, AT);
    }

    @Test
    void allUpIsOkInTheDocumentedShape() {
        var report = HealthReport.of(List.of(up("storage_mongodb", 3, "7.0.1"), up("storage_redis", 1, "7.2.4")),
                "production", "1.2.3");

        assertThat(report.status()).isEqualTo(HealthStatus.OK);
        assertThat(report.toJson()).isEqualTo("{\"status\":\"ok\",\"environment\":\"production\",\"version\":\"1.2.3\","
                + "\"components\":{\"app\":true,\"storage_mongodb\":true,\"storage_redis\":true},"
                + "\"details\":{\"storage_mongodb\":{\"status\":\"ok\",\"latency_ms\":3,\"server_version\":\"7.0.1\","
                + "\"checked_at\":\"2026-01-02T03:04:05Z\"},\"storage_redis\":{\"status\":\"ok\",\"latency_ms\":1,"
                + "\"server_version\":\"7.2.4\",\"checked_at\":\"2026-01-02T03:04:05Z\"}}}");
    }

    @Test
    void redisDownAloneIsDegraded() {
        var report = HealthReport.of(List.of(up("storage_mongodb", 3, "7"), down("storage_redis", "refused")),
                "staging", "1");

        assertThat(report.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(report.components()).containsExactly(Map.entry("app", true), Map.entry("storage_mongodb", true),
                Map.entry("storage_redis", false));
        assertThat(report.toJson()).startsWith("{\"status\":\"degraded\"").contains("\"last_error\":\"refused\"");
    }

    @Test
    void mongoDownIsAnErrorWhateverRedisSays() {
        assertThat(HealthReport.of(List.of(down("storage_mongodb", "x"), up("storage_redis", 1, "7")), "e", "v")
                .status()).isEqualTo(HealthStatus.ERROR);
        assertThat(HealthReport.of(List.of(down("storage_mongodb", "x"), down("storage_redis", "y")), "e", "v")
                .status()).isEqualTo(HealthStatus.ERROR);
    }

    @Test
    void aDisabledRedisDegradesNothingAndIsLeftOutOfTheComponents() {
        var report = HealthReport.of(List.of(up("storage_mongodb", 3, "7"),
                ComponentHealth.disabled("storage_redis", "REDIS_HOST is not set")), "development", "dev");

        assertThat(report.status()).isEqualTo(HealthStatus.OK);
        assertThat(report.components()).containsOnlyKeys("app", "storage_mongodb");
        assertThat(report.toJson()).contains("\"storage_redis\":{\"status\":\"disabled\","
                + "\"reason\":\"REDIS_HOST is not set\"");
    }

    @Test
    void noMongoComponentAtAllIsAnError() {
        var report = HealthReport.of(List.of(), "test", "dev");

        assertThat(report.status()).isEqualTo(HealthStatus.ERROR);
        assertThat(report.components()).containsEntry("storage_mongodb", false);
    }

    @Test
    void jsonEscapesWhatItQuotes() {
        var report = HealthReport.of(List.of(down("storage_mongodb", "say \"hi\"\n\tnow\\\u0001")), "test", "dev");

        assertThat(report.toJson()).contains("\"last_error\":\"say \\\"hi\\\"\\n\\tnow\\\\\\u0001\"");
    }
}
