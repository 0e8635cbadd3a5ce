package dev.orchestra.inspector.keys;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.redis.keys.KeyInfo;
import dev.orchestra.storage.redis.keys.KeyQuery;
import dev.orchestra.storage.redis.keys.KeyScanCursor;
import dev.orchestra.storage.redis.keys.KeyScanPage;
import dev.orchestra.storage.redis.keys.RedisKeyName;
import dev.orchestra.storage.redis.keys.RedisKeys;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The Keys section: an incremental listing of the Redis keys that match a pattern (by default our prefix) and,
 * optionally, a type. The first page comes from a SCAN step or two; {@link #loadMore()} goes on from the cursor; a
 * new pattern starts again. Every Redis call runs through an {@link AsyncCommand}; {@link #cancel()} stops the listing
 * between SCAN steps. The selected key's value and actions live in {@link KeyValueViewModel}.
 */
public class KeysViewModel {
    /** Keys one page asks for: about one screen and a half. */
    public static final int PAGE_KEYS = 200;
    /**
     * The most keys the view keeps: past it Load more stops and asks for a narrower pattern, so the client's memory
     * stays bounded whatever the keyspace.
     */
    public static final int MAX_LISTED = 100_000;
    /** The type filter's choices; the empty string is "every type". */
    public static final List<String> TYPE_CHOICES = List.of("", "string", "list", "hash", "set", "zset", "stream");

    private final StoreConnection store;
    private final Messages messages;
    private final KeyClasses classes;
    private final KeyValueViewModel value;
    private final KeyActionsViewModel actions;
    private final AsyncCommand<Listed> scan;
    private final StringProperty pattern = new SimpleStringProperty(this, "pattern", "");
    private final ObjectProperty<String> type = new SimpleObjectProperty<>(this, "type", "");
    private final BooleanProperty treeMode = new SimpleBooleanProperty(this, "treeMode", true);
    private final ObservableList<KeyInfo> keys = FXCollections.observableArrayList();
    private final KeyTree tree = new KeyTree();
    private final ReadOnlyIntegerWrapper treeVersion = new ReadOnlyIntegerWrapper(this, "treeVersion");
    private final ObjectProperty<KeyInfo> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyStringWrapper shape = new ReadOnlyStringWrapper(this, "shape", "");
    private final ReadOnlyBooleanWrapper canLoadMore = new ReadOnlyBooleanWrapper(this, "canLoadMore");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private KeyScanCursor cursor = KeyScanCursor.start();
    private KeyQuery query;
    private boolean listed;

    /** One page and the deployment it came from. */
    private record Listed(String shape, KeyScanPage page) {
    }

    public KeysViewModel(BackgroundRunner runner, StoreConnection store, Messages messages, KeyClassifier classifier,
                         KeyValueViewModel value, KeyActionsViewModel actions) {
        this.store = store;
        this.messages = messages;
        this.classes = new KeyClasses(runner, store, classifier);
        this.value = value;
        this.actions = actions;
        this.scan = new AsyncCommand<>(runner, "Listing Redis keys");
        selected.addListener((obs, was, is) -> {
            value.show(is);
            classes.now(is);
        });
        actions.keyProperty().bind(value.keyProperty());
        actions.setOnDeleted(this::removed);
        actions.setOnChanged(changed -> {
            replaced(changed);
            value.show(changed);
        });
    }

    /** The first time the section shows, the listing starts with the default pattern. */
    public void setShowing(boolean showing) {
        if (showing && !listed) {
            apply();
        }
    }

    /** Lists from the start with the pattern and type as they are now (an empty pattern: our prefix). */
    public void apply() {
        Optional<RedisKeys> redis = redisKeys();
        if (redis.isEmpty()) {
            return;
        }
        if (pattern.get() == null || pattern.get().isBlank()) {
            pattern.set(redis.get().defaultPattern());
        }
        KeyQuery next;
        try {
            next = new KeyQuery(pattern.get().strip(), type.get());
        } catch (StorageValidationException e) {
            message.set(e.getMessage());
            return;
        }
        listed = true;
        query = next;
        cursor = KeyScanCursor.start();
        keys.clear();
        classes.clear();
        tree.clear();
        treeVersion.set(treeVersion.get() + 1);
        selected.set(null);
        canLoadMore.set(false);
        progress.set("");
        load(redis.get());
    }

    /** Lists the next page from where the last one stopped. */
    public void loadMore() {
        Optional<RedisKeys> redis = redisKeys();
        if (redis.isPresent() && query != null && canLoadMore.get() && !scan.isRunning()) {
            load(redis.get());
        }
    }

    public void refresh() {
        apply();
    }

    /** Stops the listing between SCAN steps; what was found so far stays, and Load more goes on from there. */
    public void cancel() {
        scan.requestStop();
        value.cancel();
    }

    private void load(RedisKeys redis) {
        KeyQuery q = query;
        KeyScanCursor from = cursor;
        message.set(null);
        scan.execute(p -> new Listed(redis.shape(), redis.scan(q, from, PAGE_KEYS, p::stopRequested)), this::shown,
                e -> {
                    message.set(messages.format("keys.failed", ErrorMessages.describe(e)));
                    canLoadMore.set(!cursor.finished() && query != null);
                });
    }

    private void shown(Listed listed) {
        KeyScanPage page = listed.page();
        cursor = page.next();
        shape.set(listed.shape());
        // the tree is also the set of names listed: SCAN may return a key twice
        List<KeyInfo> added = tree.addAll(page.keys());
        keys.addAll(added); // one change for the whole page, not one per key
        treeVersion.set(treeVersion.get() + 1);
        boolean full = keys.size() >= MAX_LISTED;
        canLoadMore.set(!page.finished() && !full);
        if (full && !page.finished()) {
            message.set(messages.format("keys.full", keys.size()));
        }
        progress.set(page.finished() ? messages.format("keys.progress.done", keys.size(), page.total())
                : messages.format("keys.progress", keys.size(), page.scanned(), page.total()));
        if (keys.isEmpty() && page.finished()) {
            message.set(messages.format("keys.none", query.pattern()));
        }
        classes.add(added);
    }

    private void removed(RedisKeyName name) {
        if (tree.contains(name)) {
            keys.removeIf(k -> k.name().equals(name));
            tree.remove(name);
        }
        classes.forget(name);
        treeVersion.set(treeVersion.get() + 1);
        selected.set(null);
    }

    private void replaced(KeyInfo changed) {
        int at = indexOf(changed.name());
        if (at >= 0) {
            keys.set(at, changed);
            tree.add(changed);
            treeVersion.set(treeVersion.get() + 1);
        }
    }

    private int indexOf(RedisKeyName name) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The open store's Redis keys; empty (and the view says why) without a store or without a cache. */
    private Optional<RedisKeys> redisKeys() {
        if (!store.isConnected()) {
            available.set(false);
            message.set(messages.get("keys.notConnected"));
            return Optional.empty();
        }
        Optional<RedisKeys> redis = store.current().capability(RedisKeys.class);
        available.set(redis.isPresent());
        if (redis.isEmpty()) {
            message.set(messages.get("keys.noRedis"));
        }
        return redis;
    }

    public StringProperty patternProperty() {
        return pattern;
    }

    public ObjectProperty<String> typeProperty() {
        return type;
    }

    public BooleanProperty treeModeProperty() {
        return treeMode;
    }

    /** Every key listed so far, in SCAN order, each once. */
    public ObservableList<KeyInfo> keys() {
        return keys;
    }

    public KeyTree tree() {
        return tree;
    }

    /** Grows each time {@link #tree()} changed (the view rebuilds its items then). */
    public ReadOnlyIntegerProperty treeVersionProperty() {
        return treeVersion.getReadOnlyProperty();
    }

    /** The coherence class of each key classified so far. */
    public ObservableMap<RedisKeyName, String> classes() {
        return classes.map();
    }

    /** Grows each time classes arrived (the view refreshes its cells once, not once per key). */
    public ReadOnlyIntegerProperty classesVersionProperty() {
        return classes.versionProperty();
    }

    /** Whether listed keys are still waiting for their coherence class. */
    public boolean classifying() {
        return classes.pending();
    }

    /** Whether a coherence classifier is wired in (the view shows the Class column then). */
    public boolean classifies() {
        return classes.enabled();
    }

    public ObjectProperty<KeyInfo> selectedProperty() {
        return selected;
    }

    public KeyValueViewModel value() {
        return value;
    }

    public KeyActionsViewModel actions() {
        return actions;
    }

    /** "Found F keys · scanned ~N of ~M keys". */
    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Why there is nothing (no Redis, Redis down, a bad pattern); null otherwise. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The deployment the keys come from ({@code standalone}, {@code cluster, 3 masters}). */
    public ReadOnlyStringProperty shapeProperty() {
        return shape.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canLoadMoreProperty() {
        return canLoadMore.getReadOnlyProperty();
    }

    /** False while no Redis is configured (or not connected yet). */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return scan.runningProperty();
    }
}
