package dev.orchestra.inspector.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.ManualRunner;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.SecretMasker;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.detail.DocumentDetailViewModel;
import dev.orchestra.storage.ForwardingMemoryManager;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.redis.keys.FakeRedisKeys;
import dev.orchestra.storage.redis.keys.KeyInfo;
import dev.orchestra.storage.redis.keys.RedisKeyName;
import dev.orchestra.storage.redis.keys.RedisKeys;
import dev.orchestra.storage.redis.keys.ValueContent;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.AuditEntry;
import dev.orchestra.storage.safety.WriteLock;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Keys section's ViewModels on an in-memory store with a fake keyspace, on a same-thread or manual runner. */
class KeysViewModelTest {
    private static final int KEYS = 1_000;

    private final FakeRedisKeys redis = new FakeRedisKeys();
    private final WriteLock lock = WriteLock.unlocked();
    private final SafeStorageHolder storage = new SafeStorageHolder(lock, new Actor("tester", Actor.GUI));
    private final Dialogs dialogs = new Dialogs();

    KeysViewModelTest() {
        for (int i = 0; i < KEYS; i++) {
            redis.put("app:history:user-" + i % 10 + ":" + i, "string", -1, List.of(text("v" + i)));
        }
        redis.put("other:x", "string", -1, List.of(text("not ours")));
        redis.put("app:list", "list", 60_000, IntStream.range(0, 250)
                .mapToObj(i -> ValueContent.of(("{\"n\": " + i + "}").getBytes(StandardCharsets.UTF_8), true))
                .toList());
        redis.put("app:pickle", "string", -1, List.of(ValueContent.of(new byte[] {(byte) 0x80, 4, (byte) 0x95}, true)));
    }

    private static ValueContent text(String value) {
        return ValueContent.of(value.getBytes(StandardCharsets.UTF_8), true);
    }

    private MemoryManager manager(Optional<RedisKeys> keys) {
        return new ForwardingMemoryManager(new InMemoryMemoryManager()) {
            @Override
            public <T> Optional<T> capability(Class<T> type) {
                return type == RedisKeys.class ? keys.map(type::cast) : super.capability(type);
            }
        };
    }

    private KeysViewModel model(BackgroundRunner runner, Optional<RedisKeys> keys) {
        MemoryManager manager = manager(keys);
        StoreConnection store = new StoreConnection(runner, storage.wrap(() -> manager));
        store.connect();
        if (runner instanceof ManualRunner manual) {
            manual.runAll();
        }
        Messages messages = Messages.load();
        DocumentDetailViewModel detail = new DocumentDetailViewModel(runner, store,
                new SecretDisplay(new SecretMasker()), dialogs);
        return new KeysViewModel(runner, store, messages, KeyClassifier.NONE,
                new KeyValueViewModel(runner, store, messages, detail),
                new KeyActionsViewModel(runner, storage, dialogs, messages));
    }

    private KeysViewModel shown() {
        KeysViewModel model = model(new SameThreadRunner(), Optional.of(redis));
        model.setShowing(true);
        return model;
    }

    @Test
    void theFirstShowingListsOnePageOfOurKeysWithoutScanningEverything() {
        KeysViewModel model = shown();

        assertThat(model.patternProperty().get()).isEqualTo("app:*");
        assertThat(model.keys()).hasSizeBetween(KeysViewModel.PAGE_KEYS, KeysViewModel.PAGE_KEYS + FakeRedisKeys.STEP);
        assertThat(redis.scanCalls()).isLessThan(KEYS / FakeRedisKeys.STEP);
        assertThat(model.canLoadMoreProperty().get()).isTrue();
        assertThat(model.progressProperty().get()).startsWith("Found " + model.keys().size() + " keys · scanned ~")
                .endsWith("of ~1,003 keys");
        assertThat(model.shapeProperty().get()).isEqualTo("standalone");
        assertThat(model.tree().root().keyCount()).isEqualTo(model.keys().size());
    }

    @Test
    void loadMoreGoesOnFromTheCursorUntilEveryMatchingKeyIsListedOnce() {
        KeysViewModel model = shown();
        int pages = 1;
        while (model.canLoadMoreProperty().get() && pages < 100) {
            model.loadMore();
            pages++;
        }

        assertThat(model.keys()).hasSize(KEYS + 2);
        assertThat(new HashSet<>(model.keys())).hasSize(KEYS + 2);
        assertThat(model.keys()).noneMatch(k -> k.name().text().startsWith("other:"));
        assertThat(redis.scanCalls()).isEqualTo((KEYS + 3 + FakeRedisKeys.STEP - 1) / FakeRedisKeys.STEP);
        assertThat(model.progressProperty().get()).isEqualTo("Found 1,002 keys · all 1,003 keys scanned");
        KeyTree.Node app = model.tree().root().children().iterator().next();
        assertThat(app.segment()).isEqualTo("app:");
        assertThat(app.keyCount()).isEqualTo(KEYS + 2);
    }

    @Test
    void theListingStopsAtItsBoundAndAsksForANarrowerPattern() {
        for (int i = KEYS; i < KeysViewModel.MAX_LISTED + 500; i++) {
            redis.put("app:bulk:" + i, "string", -1, List.of(text("v")));
        }
        KeysViewModel model = shown();
        int pages = 1;
        while (model.canLoadMoreProperty().get() && pages < 2_000) {
            model.loadMore();
            pages++;
        }

        assertThat(model.keys()).hasSizeBetween(KeysViewModel.MAX_LISTED,
                KeysViewModel.MAX_LISTED + KeysViewModel.PAGE_KEYS);
        assertThat(model.messageProperty().get()).startsWith("Listed 100,").contains("narrow the pattern");
        int calls = redis.scanCalls();
        model.loadMore();
        assertThat(redis.scanCalls()).isEqualTo(calls);
    }

    @Test
    void aTypeFilterAndANewPatternStartAgain() {
        KeysViewModel model = shown();
        model.typeProperty().set("list");
        model.apply();
        while (model.canLoadMoreProperty().get()) {
            model.loadMore();
        }
        assertThat(model.keys()).extracting(k -> k.name().text()).containsExactly("app:list");

        model.typeProperty().set("");
        model.patternProperty().set("other:*");
        model.apply();
        while (model.canLoadMoreProperty().get()) {
            model.loadMore();
        }
        assertThat(model.keys()).extracting(k -> k.name().text()).containsExactly("other:x");
    }

    @Test
    void aBadTypeIsRefusedWithOneLineAndListsNothing() {
        KeysViewModel model = shown();
        int calls = redis.scanCalls();
        model.typeProperty().set("graph");
        model.apply();

        assertThat(model.messageProperty().get()).startsWith("Unknown Redis type 'graph'");
        assertThat(redis.scanCalls()).isEqualTo(calls);
    }

    @Test
    void withoutRedisTheSectionSaysSo() {
        KeysViewModel model = model(new SameThreadRunner(), Optional.empty());
        model.setShowing(true);

        assertThat(model.availableProperty().get()).isFalse();
        assertThat(model.messageProperty().get()).startsWith("No Redis is configured");
        assertThat(model.keys()).isEmpty();
    }

    @Test
    void stopEndsTheListingBetweenScanSteps() {
        ManualRunner runner = new ManualRunner();
        KeysViewModel model = model(runner, Optional.of(redis));
        model.setShowing(true);
        assertThat(model.loadingProperty().get()).isTrue();

        model.cancel();
        runner.runAll();

        assertThat(redis.scanCalls()).isZero();
        assertThat(model.loadingProperty().get()).isFalse();
        assertThat(model.canLoadMoreProperty().get()).isTrue();
    }

    @Test
    void aSelectedKeyShowsItsValueInPagesJsonInTheDetailPaneAndBinaryAsHex() {
        KeysViewModel model = shown();
        KeyValueViewModel value = model.value();
        model.selectedProperty().set(describe("app:list"));

        assertThat(value.elements()).hasSize(KeyValueViewModel.PAGE_ELEMENTS);
        assertThat(value.hasMoreProperty().get()).isTrue();
        assertThat(value.summaryProperty().get()).startsWith("list · TTL 1 min 0 s").contains("length 250");
        value.loadMore();
        value.loadMore();
        assertThat(value.elements()).hasSize(250);
        assertThat(value.hasMoreProperty().get()).isFalse();
        value.selectedElementProperty().set(value.elements().get(7));
        assertThat(value.detail().documentProperty().get().getInt32("n").getValue()).isEqualTo(7);
        assertThat(value.elementTextProperty().get()).isNull();

        model.selectedProperty().set(describe("app:pickle"));
        assertThat(value.elements()).hasSize(1);
        assertThat(value.detail().documentProperty().get()).isNull();
        assertThat(value.elementTextProperty().get()).startsWith("binary, 3 bytes").contains("80 04 95");
    }

    @Test
    void aConfirmedDeleteRemovesTheKeyFromTheListAndTheTreeAndIsAudited() {
        KeysViewModel model = shown();
        KeyInfo first = model.keys().get(0);
        model.selectedProperty().set(first);
        dialogs.answer = true;

        model.actions().delete();

        assertThat(redis.exists(first.name().text())).isFalse();
        assertThat(model.keys()).doesNotContain(first);
        assertThat(model.tree().root().keyCount()).isEqualTo(model.keys().size());
        assertThat(model.actions().resultProperty().get()).isEqualTo("Deleted " + first.name().text() + " (audited).");
        List<AuditEntry> audit = storage.operations().audit().list(PageRequest.first(10)).items();
        assertThat(audit).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("delete_key");
            assertThat(e.documentId().asString().getValue()).isEqualTo(first.name().text());
        });
    }

    @Test
    void nothingIsDeletedWhenNotConfirmedOrWhileLocked() {
        KeysViewModel model = shown();
        KeyInfo first = model.keys().get(0);
        model.selectedProperty().set(first);
        model.actions().delete();
        assertThat(redis.exists(first.name().text())).isTrue();
        assertThat(dialogs.asked).hasSize(1);

        lock.lock();
        dialogs.answer = true;
        model.actions().delete();
        model.actions().persist();

        assertThat(redis.exists(first.name().text())).isTrue();
        assertThat(dialogs.asked).hasSize(1);
        assertThat(dialogs.errors).hasSize(2).allMatch(e -> e.startsWith("Writes are locked"));
        assertThat(storage.operations().audit().list(PageRequest.first(10)).items()).isEmpty();
    }

    @Test
    void aTtlIsParsedAndConfirmedAndABadOneChangesNothing() {
        KeysViewModel model = shown();
        KeyInfo first = model.keys().get(0);
        model.selectedProperty().set(first);
        dialogs.answer = true;
        model.actions().ttlInputProperty().set("soon");

        model.actions().expire();
        assertThat(model.actions().resultProperty().get()).startsWith("'soon' is not a time to live");
        assertThat(redis.ttl(first.name().text())).isEqualTo(-1);
        assertThat(dialogs.asked).isEmpty();

        model.actions().ttlInputProperty().set("15m");
        model.actions().expire();
        assertThat(redis.ttl(first.name().text())).isEqualTo(900_000);
        assertThat(model.keys().get(0).ttlMillis()).isEqualTo(900_000);
        assertThat(model.value().keyProperty().get().ttlMillis()).isEqualTo(900_000);

        model.actions().persist();
        assertThat(redis.ttl(first.name().text())).isEqualTo(-1);
        assertThat(storage.operations().audit().list(PageRequest.first(10)).items())
                .extracting(AuditEntry::action).containsExactly("set_key_ttl", "set_key_ttl");
    }

    @Test
    void aClassifierFillsTheClassOfEachListedKey() {
        MemoryManager manager = manager(Optional.of(redis));
        SameThreadRunner runner = new SameThreadRunner();
        StoreConnection store = new StoreConnection(runner, storage.wrap(() -> manager));
        store.connect();
        Messages messages = Messages.load();
        KeyClassifier stale = (m, keys) -> Map.of(keys.get(0).name(), "stale");
        KeysViewModel model = new KeysViewModel(runner, store, messages, stale, new KeyValueViewModel(runner, store,
                messages, new DocumentDetailViewModel(runner, store, new SecretDisplay(new SecretMasker()), dialogs)),
                new KeyActionsViewModel(runner, storage, dialogs, messages));
        model.setShowing(true);

        assertThat(model.classifies()).isTrue();
        assertThat(model.classes()).containsEntry(model.keys().get(0).name(), "stale").hasSize(1);
    }

    private KeyInfo describe(String name) {
        return redis.describe(RedisKeyName.of(name)).orElseThrow();
    }

    private static final class Dialogs implements DialogService {
        final List<String> asked = new ArrayList<>();
        final List<String> errors = new ArrayList<>();
        boolean answer;

        @Override
        public void showError(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public boolean confirm(String title, String message) {
            asked.add(message);
            return answer;
        }

        @Override
        public void copyToClipboard(String text) {
        }
    }
}
