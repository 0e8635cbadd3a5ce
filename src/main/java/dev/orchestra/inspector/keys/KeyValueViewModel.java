package dev.orchestra.inspector.keys;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.detail.DocumentDetailViewModel;
import dev.orchestra.storage.redis.keys.KeyInfo;
import dev.orchestra.storage.redis.keys.RedisKeys;
import dev.orchestra.storage.redis.keys.ValueContent;
import dev.orchestra.storage.redis.keys.ValueElement;
import dev.orchestra.storage.redis.keys.ValuePage;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected key's value: its facts read again (type, TTL, memory, encoding, length), then its elements a page at a
 * time ({@link #loadMore()} goes on inside a large value). An element that is a JSON document shows in the same
 * detail pane as a stored document ({@link #detail()}); readable text shows as it is; anything else as
 * "binary, N bytes" and its first bytes in hex, never decoded.
 */
public class KeyValueViewModel {
    /** Elements one page of a value reads. */
    public static final int PAGE_ELEMENTS = 100;

    private final StoreConnection store;
    private final Messages messages;
    private final DocumentDetailViewModel detail;
    private final AsyncCommand<Loaded> load;
    private final AsyncCommand<ValuePage> more;
    private final ReadOnlyObjectWrapper<KeyInfo> key = new ReadOnlyObjectWrapper<>(this, "key");
    private final ObservableList<ValueElement> elements = FXCollections.observableArrayList();
    private final ObjectProperty<ValueElement> selectedElement = new SimpleObjectProperty<>(this, "selectedElement");
    private final ReadOnlyStringWrapper elementText = new ReadOnlyStringWrapper(this, "elementText");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private final ReadOnlyBooleanWrapper hasMore = new ReadOnlyBooleanWrapper(this, "hasMore");
    private String next;

    /** The key's facts and its first page. */
    private record Loaded(Optional<KeyInfo> key, ValuePage page) {
    }

    public KeyValueViewModel(BackgroundRunner runner, StoreConnection store, Messages messages,
                             DocumentDetailViewModel detail) {
        this.store = store;
        this.messages = messages;
        this.detail = detail;
        this.load = new AsyncCommand<>(runner, "Reading a Redis value");
        this.more = new AsyncCommand<>(runner, "Reading more of a Redis value");
        selectedElement.addListener((obs, was, is) -> showElement(is));
    }

    /** Reads {@code listed}'s facts and first page (null: nothing selected). */
    public void show(KeyInfo listed) {
        cancel();
        elements.clear();
        selectedElement.set(null);
        hasMore.set(false);
        next = null;
        message.set(null);
        key.set(listed);
        summary.set(listed == null ? "" : summary(listed));
        if (listed == null) {
            return;
        }
        Optional<RedisKeys> redis = redisKeys();
        if (redis.isEmpty()) {
            return;
        }
        RedisKeys keys = redis.get();
        load.execute(() -> {
            Optional<KeyInfo> now = keys.describe(listed.name());
            ValuePage page = now.isEmpty() ? null
                    : keys.readValue(listed.name(), now.get().type(), null, PAGE_ELEMENTS);
            return new Loaded(now, page);
        }, this::loaded, e -> message.set(messages.format("keys.value.failed", ErrorMessages.describe(e))));
    }

    private void loaded(Loaded loaded) {
        if (loaded.key().isEmpty()) {
            message.set(messages.get("keys.value.gone"));
            return;
        }
        key.set(loaded.key().get());
        summary.set(summary(loaded.key().get()));
        add(loaded.page());
        if (elements.size() == 1) {
            selectedElement.set(elements.get(0));
        }
    }

    /** The next page of the value (list, hash, set, sorted set, stream, or the next chunk of a long string). */
    public void loadMore() {
        KeyInfo current = key.get();
        Optional<RedisKeys> redis = redisKeys();
        if (current == null || next == null || more.isRunning() || redis.isEmpty()) {
            return;
        }
        String from = next;
        RedisKeys keys = redis.get();
        more.execute(() -> keys.readValue(current.name(), current.type(), from, PAGE_ELEMENTS), this::add,
                e -> message.set(messages.format("keys.value.failed", ErrorMessages.describe(e))));
    }

    private void add(ValuePage page) {
        elements.addAll(page.elements());
        next = page.next();
        hasMore.set(page.hasMore());
        if (page.note() != null) {
            message.set(page.note());
        } else if (page.length() >= 0) {
            message.set(messages.format("keys.value.shown", elements.size(), page.length(),
                    "string".equals(page.type()) ? 1 : 0));
        }
    }

    private void showElement(ValueElement element) {
        if (element == null) {
            detail.clear();
            elementText.set(null);
            return;
        }
        ValueContent content = element.value();
        switch (content.kind()) {
            case JSON -> {
                elementText.set(null);
                detail.showDetached(content.document());
            }
            case TEXT -> {
                detail.clear();
                elementText.set(content.text() + (content.complete() ? "" : "\n\n" + messages.get("keys.value.chunk")));
            }
            case BINARY -> {
                detail.clear();
                elementText.set(messages.format("keys.value.binary", content.sizeBytes(), content.hex()));
            }
        }
    }

    private String summary(KeyInfo k) {
        return messages.format("keys.value.summary", k.type(), KeyFormat.ttl(k.ttlMillis()),
                KeyFormat.bytes(k.memoryBytes()), KeyFormat.encoding(k), k.length() < 0 ? "…" : k.length(), k.node());
    }

    private Optional<RedisKeys> redisKeys() {
        if (!store.isConnected()) {
            message.set(messages.get("keys.notConnected"));
            return Optional.empty();
        }
        return store.current().capability(RedisKeys.class);
    }

    public void cancel() {
        load.cancel();
        more.cancel();
    }

    /** The selected key as last read (null: none). */
    public ReadOnlyObjectProperty<KeyInfo> keyProperty() {
        return key.getReadOnlyProperty();
    }

    public ObservableList<ValueElement> elements() {
        return elements;
    }

    public ObjectProperty<ValueElement> selectedElementProperty() {
        return selectedElement;
    }

    /** A text or binary element as shown (null for a JSON one, which {@link #detail()} shows). */
    public ReadOnlyStringProperty elementTextProperty() {
        return elementText.getReadOnlyProperty();
    }

    public DocumentDetailViewModel detail() {
        return detail;
    }

    /** "list · TTL 5 min · 2.1 KiB · listpack · 51 elements · 127.0.0.1:6379". */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** "Showing 100 of 250", or why nothing shows. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasMoreProperty() {
        return hasMore.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return load.runningProperty();
    }
}
