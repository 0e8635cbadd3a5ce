package dev.orchestra.inspector.keys;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.MemoryManager;
import dev.orchestra.storage.redis.keys.KeyInfo;
import dev.orchestra.storage.redis.keys.RedisKeyName;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The coherence class of each listed key, filled in off the FX thread: pages arrive faster than MongoDB answers for
 * them, so their keys queue and are classified one batch after another.
 */
final class KeyClasses {
    private static final Logger LOG = LoggerFactory.getLogger(KeyClasses.class);
    /** Keys classified in one go (one pipelined read of Redis, then MongoDB's truth for each). */
    static final int BATCH = 200;

    private final StoreConnection store;
    private final KeyClassifier classifier;
    private final AsyncCommand<Map<RedisKeyName, String>> classify;
    private final AsyncCommand<Map<RedisKeyName, String>> single;
    private final ObservableMap<RedisKeyName, String> classes = FXCollections.observableHashMap();
    private final List<KeyInfo> queued = new ArrayList<>();
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper(this, "version");

    KeyClasses(BackgroundRunner runner, StoreConnection store, KeyClassifier classifier) {
        this.store = store;
        this.classifier = classifier;
        this.classify = new AsyncCommand<>(runner, "Classifying Redis keys");
        this.single = new AsyncCommand<>(runner, "Classifying a Redis key");
    }

    boolean enabled() {
        return classifier != KeyClassifier.NONE;
    }

    void add(List<KeyInfo> keys) {
        if (enabled()) {
            queued.addAll(keys);
            next();
        }
    }

    /** The key the user is looking at is classified at once, ahead of the queue. */
    void now(KeyInfo key) {
        if (!enabled() || key == null || !store.isConnected()) {
            return;
        }
        MemoryManager manager = store.current();
        single.execute(() -> classifier.classify(manager, List.of(key)), found -> {
            classes.putAll(found);
            version.set(version.get() + 1);
        }, e -> LOG.warn("Could not classify {}: {}", key.name(), ErrorMessages.describe(e)));
    }

    void forget(RedisKeyName name) {
        classes.remove(name);
        version.set(version.get() + 1);
    }

    void clear() {
        queued.clear();
        classify.cancel();
        single.cancel();
        classes.clear();
        version.set(version.get() + 1);
    }

    private void next() {
        if (queued.isEmpty() || classify.isRunning() || !store.isConnected()) {
            return;
        }
        List<KeyInfo> batch = List.copyOf(queued.subList(0, Math.min(BATCH, queued.size())));
        queued.subList(0, batch.size()).clear();
        MemoryManager manager = store.current();
        classify.execute(() -> classifier.classify(manager, batch), found -> {
            classes.putAll(found);
            version.set(version.get() + 1);
            next();
        }, e -> {
            LOG.warn("Could not classify {} Redis keys: {}", batch.size(), ErrorMessages.describe(e));
            next();
        });
    }

    /** Whether keys are still waiting for their class. */
    boolean pending() {
        return !queued.isEmpty() || classify.isRunning();
    }

    ObservableMap<RedisKeyName, String> map() {
        return classes;
    }

    ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }
}
