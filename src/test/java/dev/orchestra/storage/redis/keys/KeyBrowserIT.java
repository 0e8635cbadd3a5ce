package dev.orchestra.storage.redis.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.redis.RedisCache;
import dev.orchestra.storage.testsupport.redis.RedisFixture;
import dev.orchestra.storage.testsupport.redis.RedisFixture.Shape;
import dev.orchestra.storage.testsupport.redis.RedisProcess;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * The key browser on a real redis-server this test started (one node): 100,000 keys listed incrementally — the
 * first screen after a SCAN step or two (counted by the server's own {@code INFO commandstats}), later pages
 * resuming the cursor until every key was listed exactly once — and every value type read in pages.
 */
class KeyBrowserIT {
    private static final int KEYS = 100_000;
    private static final Pattern SCAN_CALLS = Pattern.compile("cmdstat_scan:calls=(\\d+)");
    private static RedisFixture redis;
    private static RedisCache cache;
    private static KeyBrowser browser;
    private static String prefix;
    private static Set<String> written;

    @BeforeAll
    static void fill() {
        redis = RedisFixture.start(Shape.STANDALONE);
        cache = new RedisCache(redis.settings("browse", Duration.ofMinutes(5)));
        browser = new KeyBrowser(cache);
        prefix = cache.keys().prefix();
        written = new HashSet<>();
        UnifiedJedis client = redis.client();
        try (AbstractPipeline pipeline = client.pipelined()) {
            for (int i = 0; i < KEYS; i++) {
                String key = prefix + (i % 2 == 0 ? "even:" : "odd:") + "user-" + (i % 1000) + ":" + i;
                pipeline.set(key, "v" + i);
                written.add(key);
            }
            pipeline.sync();
        }
        TypedKeys.write(client, prefix + "typed:");
    }

    @AfterAll
    static void stop() {
        if (cache != null) {
            cache.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static RedisProcess node() {
        return redis.dataNodes().get(0);
    }

    private static long scanCalls() {
        Matcher m = SCAN_CALLS.matcher(node().onThis(j -> j.info("commandstats")));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }

    private static KeyQuery ours() {
        return new KeyQuery(browser.defaultPattern(), null);
    }

    @Test
    void theFirstScreenComesFromASCANStepOrTwoNotFromTheWholeKeyspace() {
        assertThat(browser.defaultPattern()).isEqualTo(prefix + "*");
        long before = scanCalls();

        KeyScanPage first = browser.scan(ours(), KeyScanCursor.start(), 200, () -> false);

        long calls = scanCalls() - before;
        assertThat(calls).isEqualTo(first.scanCalls()).isLessThanOrEqualTo(2);
        assertThat(first.keys()).hasSizeGreaterThanOrEqualTo(200).hasSizeLessThan(2_000);
        assertThat(first.finished()).isFalse();
        assertThat(first.total()).isGreaterThanOrEqualTo(KEYS);
        assertThat(first.scanned()).isLessThan(first.total()).isGreaterThan(0);
        KeyInfo any = first.keys().get(0);
        assertThat(any.type()).isEqualTo("string");
        assertThat(any.ttlMillis()).isEqualTo(-1);
        assertThat(any.memoryBytes()).isPositive();
        assertThat(any.encoding()).isNotBlank();
        assertThat(any.node()).isEqualTo(node().address());
    }

    @Test
    void loadMoreResumesTheCursorUntilEveryKeyWasListedOnceAndLookingWritesNothing() {
        long dbSize = node().<Long>onThis(j -> j.dbSize());
        long before = scanCalls();
        Set<String> listed = new HashSet<>();
        List<Integer> pageSizes = new ArrayList<>();
        KeyScanCursor cursor = KeyScanCursor.start();
        KeyScanPage page;
        int pages = 0;
        do {
            page = browser.scan(new KeyQuery(prefix + "*:user-*", null), cursor, 1_000, () -> false);
            page.keys().forEach(k -> listed.add(k.name().text()));
            pageSizes.add(page.keys().size());
            cursor = page.next();
            pages++;
        } while (!page.finished() && pages < 1_000);

        assertThat(listed).isEqualTo(written);
        assertThat(page.scanned()).isEqualTo(page.total());
        // every page went on from the cursor of the one before: together no more steps than one pass needs
        // (131,072 hash buckets for 100,000 keys, 500 per step), far fewer than restarting each page would cost
        assertThat(scanCalls() - before).isLessThanOrEqualTo(131_072 / KeyBrowser.SCAN_COUNT + 2);
        assertThat(pages).isGreaterThan(50);
        assertThat(node().<Long>onThis(j -> j.dbSize())).isEqualTo(dbSize);
    }

    @Test
    void thePatternAndTheTypeFilterNarrowTheListing() {
        Set<String> odd = new HashSet<>();
        KeyScanCursor cursor = KeyScanCursor.start();
        KeyScanPage page;
        do {
            page = browser.scan(new KeyQuery(prefix + "odd:*", null), cursor, 5_000, () -> false);
            page.keys().forEach(k -> odd.add(k.name().text()));
            cursor = page.next();
        } while (!page.finished());
        assertThat(odd).hasSize(KEYS / 2).allMatch(k -> k.startsWith(prefix + "odd:"));

        List<String> hashes = new ArrayList<>();
        cursor = KeyScanCursor.start();
        do {
            page = browser.scan(new KeyQuery(browser.defaultPattern(), "hash"), cursor, 10, () -> false);
            page.keys().forEach(k -> hashes.add(k.name().text() + "=" + k.type()));
            cursor = page.next();
        } while (!page.finished());
        assertThat(hashes).containsExactly(prefix + "typed:hash=hash");
    }

    @Test
    void aStopRequestEndsTheCallBetweenSteps() {
        KeyScanPage page = browser.scan(ours(), KeyScanCursor.start(), Integer.MAX_VALUE, () -> true);

        assertThat(page.scanCalls()).isZero();
        assertThat(page.keys()).isEmpty();
        assertThat(page.finished()).isFalse();
    }

    @Test
    void aBadQueryIsRefusedWithOneLine() {
        assertThatThrownBy(() -> new KeyQuery(" ", null)).isInstanceOf(StorageValidationException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> new KeyQuery("*", "graph")).isInstanceOf(StorageValidationException.class)
                .hasMessageContaining("Unknown Redis type 'graph'");
    }

    @Test
    void everyValueTypeIsReadInPages() {
        String typed = prefix + "typed:";
        ValuePage json = browser.readValue(RedisKeyName.of(typed + "json"), "string", null, 100);
        assertThat(json.elements()).singleElement().satisfies(e -> {
            assertThat(e.value().kind()).isEqualTo(ValueContent.Kind.JSON);
            assertThat(e.value().document().getDateTime("at").getValue()).isEqualTo(1_700_000_000_000L);
        });
        assertThat(browser.readValue(RedisKeyName.of(typed + "text"), "string", null, 100).elements().get(0).value())
                .satisfies(v -> assertThat(v.text()).isEqualTo("hello, world"));
        ValueContent pickle = browser.readValue(RedisKeyName.of(typed + "pickle"), "string", null, 100).elements()
                .get(0).value();
        assertThat(pickle.kind()).isEqualTo(ValueContent.Kind.BINARY);
        assertThat(pickle.summary()).isEqualTo("binary, " + TypedKeys.PICKLE.length + " bytes");
        assertThat(pickle.hex()).startsWith("80 04 95");

        ValuePage large = browser.readValue(RedisKeyName.of(typed + "large"), "string", null, 100);
        assertThat(large.length()).isEqualTo(TypedKeys.LARGE_STRING_BYTES);
        assertThat(large.elements().get(0).value().sizeBytes()).isEqualTo(ValueReader.STRING_CHUNK_BYTES);
        assertThat(large.elements().get(0).position()).startsWith("bytes 0–");
        assertThat(readAll(typed + "large", "string", 100)).hasSize(3);

        assertThat(readAll(typed + "list", "list", 100)).hasSize(TypedKeys.ELEMENTS)
                .first().satisfies(e -> {
                    assertThat(e.position()).isEqualTo("0");
                    assertThat(e.value().document().getInt32("n").getValue()).isZero();
                });
        assertThat(readAll(typed + "hash", "hash", 50)).hasSize(TypedKeys.ELEMENTS)
                .anySatisfy(e -> assertThat(e.name() + "=" + e.value().text()).isEqualTo("field-7=value-7"));
        assertThat(readAll(typed + "set", "set", 50)).hasSize(TypedKeys.ELEMENTS);
        assertThat(readAll(typed + "zset", "zset", 100)).hasSize(TypedKeys.ELEMENTS)
                .element(3).satisfies(e -> assertThat(e.name() + " " + e.value().text()).isEqualTo("4.5 m-3"));
        assertThat(readAll(typed + "stream", "stream", 100)).hasSize(TypedKeys.ELEMENTS)
                .last().satisfies(e -> assertThat(e.value().document().getString("n").getValue()).isEqualTo("249"));
    }

    @Test
    void describeGivesTheLengthAndIsEmptyForAKeyThatIsGone() {
        KeyInfo list = browser.describe(RedisKeyName.of(prefix + "typed:list")).orElseThrow();
        assertThat(list.type()).isEqualTo("list");
        assertThat(list.length()).isEqualTo(TypedKeys.ELEMENTS);
        assertThat(list.encoding()).isIn("listpack", "quicklist");
        assertThat(browser.describe(RedisKeyName.of(prefix + "no-such-key"))).isEmpty();
        assertThat(RedisKeyName.of((prefix + "typed:pickle").getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(RedisKeyName.of(prefix + "typed:pickle"));
    }

    /** Every element, page after page, as the viewer's "Load more" would read them. */
    private static List<ValueElement> readAll(String key, String type, int count) {
        List<ValueElement> all = new ArrayList<>();
        String from = null;
        int pages = 0;
        do {
            ValuePage page = browser.readValue(RedisKeyName.of(key), type, from, count);
            all.addAll(page.elements());
            from = page.next();
            pages++;
        } while (from != null && pages < 100);
        return all;
    }
}
