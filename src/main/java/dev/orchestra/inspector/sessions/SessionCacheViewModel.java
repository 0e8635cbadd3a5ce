package dev.orchestra.inspector.sessions;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.coherence.CacheFinding;
import dev.orchestra.storage.redis.CacheKeyView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected session's Redis keys, read-only: read in the background only while the Cache tab is showing
 * ({@link #activeProperty()}), again on {@link #refresh()}.
 */
public class SessionCacheViewModel {
    private final StoreConnection store;
    private final ObservableList<CacheKeyView> keys = FXCollections.observableArrayList();
    private final ObjectProperty<CacheKeyView> selectedKey = new SimpleObjectProperty<>(this, "selectedKey");
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message");
    private String userId;
    private String sessionId;
    private boolean stale = true;
    private final Map<String, CacheFinding> findings = new HashMap<>();
    private final AsyncCommand<Optional<SessionKeys>> readKeys;

    public SessionCacheViewModel(BackgroundRunner runner, StoreConnection store) {
        this.store = store;
        this.readKeys = new AsyncCommand<>(runner, "Reading the session's Redis keys");
        active.addListener((obs, was, is) -> {
            if (is && stale) {
                refresh();
            }
        });
    }

    /** The session whose keys to show (null: none); read now if the tab is showing, else when it is shown. */
    public void show(String user, String session) {
        userId = user;
        sessionId = session;
        stale = true;
        readKeys.cancel();
        keys.clear();
        if (active.get()) {
            refresh();
        } else {
            message.set(null);
        }
    }

    public void refresh() {
        readKeys.cancel();
        stale = false;
        if (userId == null) {
            keys.clear();
            message.set("Select a session to see its Redis keys.");
            return;
        }
        if (!store.isConnected()) {
            message.set("Not connected.");
            return;
        }
        DocumentStore manager = store.current();
        String user = userId;
        String session = sessionId;
        CacheKeyView wasSelected = selectedKey.get();
        message.set(null);
        readKeys.execute(() -> SessionKeys.read(manager, user, session),
                found -> shown(found, wasSelected), e -> {
                    keys.clear();
                    message.set("Redis could not be read: " + ErrorMessages.describe(e));
                });
    }

    private void shown(Optional<SessionKeys> read, CacheKeyView wasSelected) {
        findings.clear();
        read.ifPresent(r -> findings.putAll(r.findings()));
        Optional<List<CacheKeyView>> found = read.map(SessionKeys::views);
        if (found.isEmpty()) {
            keys.clear();
            message.set("No Redis cache is configured (REDIS_HOST is not set): everything is read from MongoDB.");
            return;
        }
        keys.setAll(found.get());
        long present = found.get().stream().filter(k -> k.kind() != CacheKeyView.Kind.ABSENT).count();
        message.set(present == 0 ? "None of this session's keys is cached right now." : null);
        selectedKey.set(keys.stream().filter(k -> wasSelected != null && k.key().equals(wasSelected.key()))
                .findFirst().orElse(keys.stream().filter(k -> k.kind() != CacheKeyView.Kind.ABSENT)
                        .findFirst().orElse(null)));
    }

    /** What the value pane shows for a key: our JSON, or a foreign value's size and first bytes (never decoded). */
    public static String valueText(CacheKeyView key) {
        if (key == null) {
            return "";
        }
        String pending = key.invalidationPending()
                ? "A deletion of this key is pending (Redis was down); reads bypass it until then.\n\n" : "";
        return pending + switch (key.kind()) {
            case ABSENT -> "(not in Redis)";
            case OURS -> key.json();
            case FOREIGN -> "binary, " + size(key) + (key.complete() ? "" : " or more") + "\n"
                    + "Not our JSON (e.g. a pickle): never decoded, never changed.\n\n"
                    + (key.hexPreview() == null ? "" : "First bytes (hex):\n" + key.hexPreview());
        };
    }

    public static String size(CacheKeyView key) {
        if (key.sizeBytes() < 0) {
            return "? bytes";
        }
        return key.sizeBytes() + (key.sizeBytes() == 1 ? " byte" : " bytes");
    }

    /** For the table: exact below 10 KiB, else rounded. */
    public static String shortSize(CacheKeyView key) {
        long bytes = key.sizeBytes();
        if (bytes < 10 * 1024) {
            return size(key);
        }
        return bytes < 10L * 1024 * 1024 ? String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    public static String ttl(CacheKeyView key) {
        if (key.ttlMillis() == -2) {
            return "—";
        }
        if (key.ttlMillis() == -1) {
            return "no expiry";
        }
        long seconds = (key.ttlMillis() + 999) / 1000;
        return seconds >= 60 ? (seconds / 60) + " min " + (seconds % 60) + " s" : seconds + " s";
    }

    public static String kind(CacheKeyView key) {
        return switch (key.kind()) {
            case ABSENT -> "absent";
            case OURS -> key.type() + " · JSON";
            case FOREIGN -> key.type() + " · binary";
        };
    }

    /** The key's coherence class against MongoDB ("fresh", "stale", …), "—" for an absent key. */
    public String coherence(CacheKeyView key) {
        CacheFinding finding = findings.get(key.key());
        return key.kind() == CacheKeyView.Kind.ABSENT || finding == null ? "—" : finding.coherence().label();
    }

    public ObservableList<CacheKeyView> keys() {
        return keys;
    }

    public ObjectProperty<CacheKeyView> selectedKeyProperty() {
        return selectedKey;
    }

    public BooleanProperty activeProperty() {
        return active;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return readKeys.runningProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void cancel() {
        readKeys.cancel();
    }
}
