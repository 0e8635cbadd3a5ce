package dev.orchestra.inspector.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.ViewModelFixture;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.error.StorageConnectionException;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import dev.orchestra.storage.redis.CacheKeyView;
import dev.orchestra.storage.redis.CacheKeyView.Kind;
import dev.orchestra.storage.tiered.CacheInspection;
import dev.orchestra.storage.ForwardingMemoryManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionCacheViewModelTest {
    private static final CacheKeyView OURS = new CacheKeyView("history:alice:s1", Kind.OURS, "list", 90_500, 420, 3,
            true, "[\n{\"format\": \"orchestra-ejson/1\"}\n]", null, false);
    private static final CacheKeyView PICKLE = new CacheKeyView("session:alice:s1", Kind.FOREIGN, "string", -1, 30,
            1, true, null, "80 04 95 1d", false);

    /** A store with a cache in front, answering from a fixed list (the Redis side has its own IT). */
    private static final class CachedStore extends ForwardingMemoryManager implements CacheInspection {
        final List<String> asked = new ArrayList<>();
        RuntimeException failure;

        CachedStore() {
            super(new InMemoryMemoryManager());
        }

        @Override
        public Optional<List<CacheKeyView>> inspectSessionCache(String userId, String sessionId) {
            asked.add(userId + "/" + sessionId);
            if (failure != null) {
                throw failure;
            }
            return Optional.of(List.of(OURS, CacheKeyView.absent("history:alice", false), PICKLE));
        }
    }

    private SessionCacheViewModel connected(MemoryManager manager) {
        var fx = new ViewModelFixture(new SameThreadRunner(), manager);
        fx.store.connect();
        return new SessionCacheViewModel(fx.runner, fx.store);
    }

    @Test
    void readsOnlyWhileTheTabIsShowingAndSelectsTheFirstPresentKey() {
        CachedStore store = new CachedStore();
        var model = connected(store);

        model.show("alice", "s1");
        assertThat(store.asked).as("nothing read while the tab is hidden").isEmpty();
        model.activeProperty().set(true);

        assertThat(store.asked).containsExactly("alice/s1");
        assertThat(model.keys()).extracting(CacheKeyView::key)
                .containsExactly("history:alice:s1", "history:alice", "session:alice:s1");
        assertThat(model.selectedKeyProperty().get()).isEqualTo(OURS);
        assertThat(model.messageProperty().get()).isNull();
        assertThat(model.loadingProperty().get()).isFalse();

        model.show("bob", "s9");
        assertThat(store.asked).containsExactly("alice/s1", "bob/s9");
    }

    @Test
    void foreignValuesAreDescribedAsBinaryWithSizeAndFirstBytes() {
        String text = SessionCacheViewModel.valueText(PICKLE);
        assertThat(text).startsWith("binary, 30 bytes").contains("never decoded").contains("80 04 95 1d");
        assertThat(SessionCacheViewModel.valueText(OURS)).contains("orchestra-ejson/1");
        assertThat(SessionCacheViewModel.ttl(OURS)).isEqualTo("1 min 31 s");
        assertThat(SessionCacheViewModel.ttl(PICKLE)).isEqualTo("no expiry");
        assertThat(SessionCacheViewModel.kind(PICKLE)).isEqualTo("string · binary");
        assertThat(SessionCacheViewModel.shortSize(PICKLE)).isEqualTo("30 bytes");
        assertThat(SessionCacheViewModel.shortSize(new CacheKeyView("k", Kind.OURS, "list", 1, 151_618, 51, true,
                "[]", null, false))).isEqualTo("148.1 KiB");
    }

    @Test
    void withoutACacheItSaysSo() {
        var model = connected(new InMemoryMemoryManager());
        model.activeProperty().set(true);
        model.show("alice", "s1");

        assertThat(model.keys()).isEmpty();
        assertThat(model.messageProperty().get()).contains("No Redis cache is configured");
    }

    @Test
    void aRedisFailureIsShownInPlace() {
        CachedStore store = new CachedStore();
        store.failure = new StorageConnectionException("Redis at localhost:1 is not answering");
        var model = connected(store);
        model.activeProperty().set(true);
        model.show("alice", "s1");

        assertThat(model.keys()).isEmpty();
        assertThat(model.messageProperty().get()).startsWith("Redis could not be read").contains("not answering");
        assertThat(model.loadingProperty().get()).isFalse();
    }
}
