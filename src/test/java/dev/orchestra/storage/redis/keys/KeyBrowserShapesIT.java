package dev.orchestra.storage.redis.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import dev.orchestra.storage.testsupport.redis.RedisFixture.Shape;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The key browser on every deployment shape (one node, Sentinel, a 3-master cluster): the listing visits every
 * master, values and actions reach the master that holds the key.
 */
class KeyBrowserShapesIT {
    private static final Map<Shape, RedisFixture> FIXTURES = new EnumMap<>(Shape.class);

    @BeforeAll
    static void startDeployments() {
        for (Shape shape : Shape.values()) {
            FIXTURES.put(shape, RedisFixture.start(shape));
        }
    }

    @AfterAll
    static void stopDeployments() {
        FIXTURES.values().forEach(RedisFixture::close);
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void everyKeyOnEveryMasterIsListedAndItsValueRead(Shape shape) {
        RedisFixture fixture = FIXTURES.get(shape);
        try (RedisCache cache = new RedisCache(fixture.settings(UUID.randomUUID().toString().substring(0, 6),
                Duration.ofMinutes(2)))) {
            KeyBrowser browser = new KeyBrowser(cache);
            String prefix = cache.keys().prefix();
            Set<String> written = new HashSet<>();
            for (int i = 0; i < 300; i++) {
                String key = prefix + "history:user-" + i;
                fixture.client().rpush(key, "{\"n\": " + i + "}", "{\"n\": 0}");
                written.add(key);
            }

            Set<String> listed = new HashSet<>();
            Map<String, Integer> perNode = new HashMap<>();
            KeyScanCursor cursor = KeyScanCursor.start();
            KeyScanPage page;
            do {
                page = browser.scan(new KeyQuery(browser.defaultPattern(), "list"), cursor, 50, () -> false);
                page.keys().forEach(k -> {
                    listed.add(k.name().text());
                    perNode.merge(k.node(), 1, Integer::sum);
                    assertThat(k.node()).isEqualTo(cache.deployment().nodeOf(k.name().text()));
                });
                cursor = page.next();
            } while (!page.finished());

            assertThat(listed).isEqualTo(written);
            assertThat(perNode).hasSize(cache.deployment().masters().size());
            if (shape == Shape.CLUSTER) {
                assertThat(perNode).hasSize(3);
            }
            RedisKeyName some = RedisKeyName.of(prefix + "history:user-42");
            ValuePage value = browser.readValue(some, "list", null, 10);
            assertThat(value.length()).isEqualTo(2);
            assertThat(value.elements().get(0).value().document().getInt32("n").getValue()).isEqualTo(42);
            assertThat(browser.expire(some, Duration.ofMinutes(3))).isTrue();
            assertThat(browser.describe(some).orElseThrow().ttlMillis()).isBetween(1L, 180_000L);
            assertThat(browser.persist(some)).isTrue();
            assertThat(browser.delete(some)).isTrue();
            assertThat(fixture.client().exists(some.text())).isFalse();

            List<String> leftovers = fixture.keys(prefix);
            leftovers.forEach(fixture.client()::del);
        }
    }
}
