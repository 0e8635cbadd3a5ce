package dev.orchestra.inspector.keys;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.storage.redis.keys.KeyInfo;
import dev.orchestra.storage.redis.keys.RedisKeyName;
import dev.orchestra.storage.redis.keys.RedisKeys;
import dev.orchestra.storage.safety.RedisKeyActions;
import dev.orchestra.storage.safety.WriteLock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Deleting the selected key and setting or removing its TTL: refused with the reason while writes are locked,
 * confirmed first, then run through {@link RedisKeyActions} (audited). A TTL that is not a positive number of
 * seconds (or {@code 15m}, {@code 2h}, {@code 7d}) is refused with one line and changes nothing.
 */
public class KeyActionsViewModel {
    private final SafeStorageHolder storage;
    private final DialogService dialogs;
    private final Messages messages;
    private final AsyncCommand<Optional<KeyInfo>> change;
    private final ObjectProperty<KeyInfo> key = new SimpleObjectProperty<>(this, "key");
    private final StringProperty ttlInput = new SimpleStringProperty(this, "ttlInput", "");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper(this, "result");
    private Consumer<RedisKeyName> onDeleted = name -> { };
    private Consumer<KeyInfo> onChanged = changed -> { };

    public KeyActionsViewModel(BackgroundRunner runner, SafeStorageHolder storage, DialogService dialogs,
                               Messages messages) {
        this.storage = storage;
        this.dialogs = dialogs;
        this.messages = messages;
        this.change = new AsyncCommand<>(runner, "Changing a Redis key");
        key.addListener((obs, was, is) -> {
            // what the last action did stays until another key is chosen (a deleted key leaves the selection empty)
            if (is != null && (was == null || !is.name().equals(was.name()))) {
                result.set(null);
            }
        });
    }

    public void delete() {
        KeyInfo k = key.get();
        Optional<RedisKeyActions> actions = actions(k);
        if (actions.isEmpty() || !dialogs.confirm(messages.get("keys.delete.title"), messages.format(
                "keys.delete.confirm", k.name().text(), k.type(), KeyFormat.bytes(k.memoryBytes())))) {
            return;
        }
        RedisKeyName name = k.name();
        change.execute(() -> actions.get().delete(name) ? Optional.<KeyInfo>empty() : Optional.of(k), kept -> {
            if (kept.isEmpty()) {
                result.set(messages.format("keys.deleted", name.text()));
            } else {
                result.set(messages.format("keys.gone", name.text()));
            }
            onDeleted.accept(name);
        }, this::failed);
    }

    /** Sets the TTL typed in {@link #ttlInputProperty()}. */
    public void expire() {
        KeyInfo k = key.get();
        Optional<Duration> ttl = KeyFormat.parseTtl(ttlInput.get());
        if (k != null && ttl.isEmpty()) {
            result.set(messages.format("keys.ttl.bad", ttlInput.get() == null ? "" : ttlInput.get().strip()));
            return;
        }
        Optional<RedisKeyActions> actions = actions(k);
        if (actions.isEmpty() || !dialogs.confirm(messages.get("keys.ttl.title"), messages.format("keys.ttl.confirm",
                k.name().text(), KeyFormat.ttl(k.ttlMillis()), KeyFormat.ttl(ttl.get().toMillis())))) {
            return;
        }
        RedisKeyName name = k.name();
        Duration chosen = ttl.get();
        change.execute(() -> {
            actions.get().expire(name, chosen);
            return storage.manager().capability(RedisKeys.class)
                    .flatMap(keys -> keys.describe(name));
        }, now -> changed(name, now, messages.format("keys.ttl.set", name.text(), KeyFormat.ttl(chosen.toMillis()))),
                this::failed);
    }

    /** Makes the key never expire. */
    public void persist() {
        KeyInfo k = key.get();
        Optional<RedisKeyActions> actions = actions(k);
        if (actions.isEmpty() || !dialogs.confirm(messages.get("keys.ttl.title"),
                messages.format("keys.persist.confirm", k.name().text(), KeyFormat.ttl(k.ttlMillis())))) {
            return;
        }
        RedisKeyName name = k.name();
        change.execute(() -> {
            actions.get().persist(name);
            return storage.manager().capability(RedisKeys.class)
                    .flatMap(keys -> keys.describe(name));
        }, now -> changed(name, now, messages.format("keys.persisted", name.text())), this::failed);
    }

    private void changed(RedisKeyName name, Optional<KeyInfo> now, String done) {
        if (now.isEmpty()) {
            result.set(messages.format("keys.gone", name.text()));
            onDeleted.accept(name);
            return;
        }
        result.set(done);
        onChanged.accept(now.get());
    }

    private void failed(Throwable e) {
        dialogs.showError(messages.get("keys.change.failed"), ErrorMessages.describe(e));
    }

    /** The audited actions, or empty (with the reason shown) when nothing is selected, writes are locked or no Redis. */
    private Optional<RedisKeyActions> actions(KeyInfo k) {
        if (k == null || change.isRunning()) {
            return Optional.empty();
        }
        WriteLock lock = storage.writeLock();
        if (lock.isLocked()) {
            dialogs.showError(messages.get("keys.readOnly.title"), messages.format("keys.readOnly",
                    lock.reason() == null ? "" : lock.reason()));
            return Optional.empty();
        }
        try {
            return storage.operations().redisKeys();
        } catch (RuntimeException e) {
            result.set(ErrorMessages.describe(e));
            return Optional.empty();
        }
    }

    public void setOnDeleted(Consumer<RedisKeyName> onDeleted) {
        this.onDeleted = onDeleted;
    }

    public void setOnChanged(Consumer<KeyInfo> onChanged) {
        this.onChanged = onChanged;
    }

    /** The key the actions apply to (bound to the value pane's key). */
    public ObjectProperty<KeyInfo> keyProperty() {
        return key;
    }

    public StringProperty ttlInputProperty() {
        return ttlInput;
    }

    /** What the last action did, or why it did nothing. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public AsyncCommand<Optional<KeyInfo>> command() {
        return change;
    }
}
