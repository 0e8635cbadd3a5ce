package dev.orchestra.inspector.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StatisticsSummaryTest {
    @Test
    void picksHeadlineFiguresWhateverTheNesting() {
        Map<String, Object> stats = Map.of(
                "storage_mongodb", Map.of("version", "7.0.1",
                        "connections", Map.of("current", 4, "available", 800),
                        "opcounters", Map.of("query", 120, "insert", 30)),
                "storage_redis", Map.of("server", Map.of("redis_version", "6.2.6"),
                        "memory", Map.of("used_memory_human", "1.2M"),
                        "stats", Map.of("keyspace_hits", 90, "keyspace_misses", 10),
                        "clients", Map.of("connected_clients", 3)),
                "cache", Map.of("hits", 3, "misses", 1));

        var cards = StatisticsSummary.cards(stats);

        assertThat(cards).extracting(StatisticsSummary.Card::title).containsExactly("MongoDB", "Connections",
                "Operations", "Redis", "Keyspace hit ratio", "Inspector cache");
        assertThat(cards.get(0).value()).isEqualTo("7.0.1");
        assertThat(cards.get(1).value()).isEqualTo("4");
        assertThat(cards.get(2).detail()).contains("insert 30");
        assertThat(cards.get(3).detail()).contains("1.2M").contains("clients 3");
        assertThat(cards.get(4).value()).isEqualTo("90.0 %");
        assertThat(cards.get(5).value()).isEqualTo("75.0 % hits");
    }

    @Test
    void aFailedComponentShowsItsError() {
        var cards = StatisticsSummary.cards(Map.of("storage_redis", Map.of("error", "Connection refused")));
        assertThat(cards).singleElement().satisfies(c -> assertThat(c.detail()).contains("Connection refused"));
    }
}
