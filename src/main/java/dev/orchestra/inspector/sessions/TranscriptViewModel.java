package dev.orchestra.inspector.sessions;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.SecretMasker;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import java.util.ArrayList;
import java.util.Collections;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * A session's conversation in time order, oldest first. Loads the newest page first (keyset paging, newest to
 * oldest) and prepends older pages on demand, so long sessions open quickly.
 */
public class TranscriptViewModel {
    public static final int PAGE_SIZE = 50;

    private final StoreConnection store;
    private final SecretDisplay secrets;
    private final int pageSize;

    private final ObservableList<ChatMessage> messages = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper userId = new ReadOnlyStringWrapper(this, "userId");
    private final ReadOnlyStringWrapper sessionId = new ReadOnlyStringWrapper(this, "sessionId");
    private final ReadOnlyBooleanWrapper hasOlder = new ReadOnlyBooleanWrapper(this, "hasOlder");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private PageCursor olderCursor;
    private final AsyncCommand<Loaded> load;

    public TranscriptViewModel(BackgroundRunner runner, StoreConnection store, SecretDisplay secrets) {
        this(runner, store, secrets, PAGE_SIZE);
    }

    public TranscriptViewModel(BackgroundRunner runner, StoreConnection store, SecretDisplay secrets, int pageSize) {
        this.store = store;
        this.load = new AsyncCommand<>(runner, "Loading conversation");
        this.secrets = secrets;
        this.pageSize = pageSize;
    }

    /** Opens a session's conversation; a null {@code session} is the user's items without a session id. */
    public void open(String user, String session) {
        load.cancel();
        userId.set(user);
        sessionId.set(session);
        messages.clear();
        olderCursor = null;
        hasOlder.set(false);
        loadPage(null);
    }

    public void loadOlder() {
        if (hasOlder.get() && !load.isRunning()) {
            loadPage(olderCursor);
        }
    }

    public void refresh() {
        if (userId.get() != null) {
            open(userId.get(), sessionId.get());
        }
    }

    public void close() {
        load.cancel();
        userId.set(null);
        sessionId.set(null);
        messages.clear();
        hasOlder.set(false);
        error.set(null);
    }

    public void cancel() {
        load.cancel();
    }

    private void loadPage(PageCursor cursor) {
        DocumentStore manager;
        try {
            manager = store.current();
        } catch (RuntimeException e) {
            error.set(ErrorMessages.describe(e));
            return;
        }
        // No session id: the user's "(no session)" conversation, not all of the user's items.
        DocumentFilter filter = sessionId.get() == null ? DocumentFilter.withoutSession(userId.get())
                : DocumentFilter.forSession(userId.get(), sessionId.get());
        SecretMasker masker = secrets.masker();
        error.set(null);
        load.execute(() -> {
            Page<BsonDocument> page = manager.findPage(StoreCollection.MEMORY_ITEMS, filter,
                    new PageRequest(pageSize, cursor));
            List<ChatMessage> chronological = new ArrayList<>();
            for (BsonDocument d : page.items()) {
                chronological.add(ChatMessage.of(DocumentRow.of(StoreCollection.MEMORY_ITEMS, d, masker)));
            }
            Collections.reverse(chronological);
            return new Loaded(chronological, page.next(), page.hasMore());
        }, loaded -> {
            olderCursor = loaded.next();
            hasOlder.set(loaded.hasMore());
            messages.addAll(0, loaded.messages());
        }, e -> error.set(ErrorMessages.describe(e)));
    }

    /**
     * Applies what a follow noticed, in place (the list is not reloaded, so a view keeps its scroll position and
     * selection): an edited item replaces its message, a new one is inserted in time order (one older than the
     * loaded pages is left to "Load older"), a deleted one is removed. A complete batch also removes what it covers
     * and no longer holds. Returns how many messages changed.
     */
    int apply(List<ChatMessage> upserted, List<BsonValue> removed, boolean complete, Instant completeAfter) {
        int changed = 0;
        Set<BsonValue> present = new HashSet<>();
        for (ChatMessage m : upserted) {
            present.add(m.row().id());
            int at = indexOf(m.row().id());
            if (at >= 0) {
                if (!messages.get(at).row().document().equals(m.row().document())) {
                    messages.set(at, m);
                    changed++;
                }
            } else if (insert(m)) {
                changed++;
            }
        }
        for (BsonValue id : removed) {
            int at = indexOf(id);
            if (at >= 0) {
                messages.remove(at);
                changed++;
            }
        }
        if (complete) {
            for (int i = messages.size() - 1; i >= 0; i--) {
                ChatMessage m = messages.get(i);
                boolean covered = completeAfter == null || m.time() != null && m.time().isAfter(completeAfter);
                if (covered && !present.contains(m.row().id())) {
                    messages.remove(i);
                    changed++;
                }
            }
        }
        return changed;
    }

    private int indexOf(BsonValue id) {
        for (int i = messages.size() - 1; i >= 0; i--) { // new items are near the end
            if (Objects.equals(messages.get(i).row().id(), id)) {
                return i;
            }
        }
        return -1;
    }

    /** In time order, after any message of the same time; false when it belongs to a page not loaded yet. */
    private boolean insert(ChatMessage m) {
        int at = messages.size();
        while (at > 0 && isBefore(m, messages.get(at - 1))) {
            at--;
        }
        if (at == 0 && hasOlder.get()) {
            return false;
        }
        messages.add(at, m);
        return true;
    }

    private static boolean isBefore(ChatMessage a, ChatMessage b) {
        return a.time() != null && b.time() != null && a.time().isBefore(b.time())
                || a.time() == null && b.time() != null;
    }

    private record Loaded(List<ChatMessage> messages, PageCursor next, boolean hasMore) {
    }

    public ObservableList<ChatMessage> messages() {
        return messages;
    }

    public SecretDisplay secrets() {
        return secrets;
    }

    public ReadOnlyStringProperty userIdProperty() {
        return userId.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sessionIdProperty() {
        return sessionId.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasOlderProperty() {
        return hasOlder.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return load.runningProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public boolean isOpen() {
        return userId.get() != null;
    }
}
