package dev.orchestra.inspector.sessions;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.FilterField;
import dev.orchestra.inspector.common.Navigator;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.model.SessionSummary;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Sessions across memory_items and user_sessions, with the open session's transcript. */
public class SessionsViewModel {
    public static final int LIMIT = 500;

    private final StoreConnection store;
    private final TranscriptViewModel transcript;
    private final SessionCacheViewModel cache;
    private final TranscriptFollowViewModel follow;
    private final Navigator navigator;
    private final FilterField user = new FilterField();
    private final ObservableList<SessionSummary> sessions = FXCollections.observableArrayList();
    private final ObjectProperty<SessionSummary> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final AsyncCommand<List<SessionSummary>> listSessions;
    private String pendingOpenUser;
    private String pendingOpenSession;

    public SessionsViewModel(BackgroundRunner runner, StoreConnection store, TranscriptViewModel transcript,
                             Navigator navigator) {
        this.store = store;
        this.listSessions = new AsyncCommand<>(runner, "Listing sessions");
        this.transcript = transcript;
        this.navigator = navigator;
        this.cache = new SessionCacheViewModel(runner, store);
        this.follow = new TranscriptFollowViewModel(runner, store, transcript);
        selected.addListener((obs, was, is) -> cache.show(is == null ? null : is.userId(),
                is == null ? null : is.sessionId()));
        store.stateProperty().addListener((obs, was, is) -> {
            if (is == StoreConnection.State.CONNECTED) {
                load();
            }
        });
    }

    public void load() {
        if (!store.isConnected()) {
            return;
        }
        DocumentStore manager = store.current();
        String userId = user.value();
        error.set(null);
        listSessions.execute(() -> manager.listSessions(userId, LIMIT), list -> {
            sessions.setAll(list);
            long orphans = list.stream().filter(SessionSummary::isOrphanItems).count();
            long empty = list.stream().filter(SessionSummary::isEmptyRecord).count();
            summary.set(list.size() + (list.size() >= LIMIT ? "+" : "")
                    + (list.size() == 1 ? " session" : " sessions")
                    + (orphans > 0 ? " · " + orphans + " without a record" : "")
                    + (empty > 0 ? " · " + empty + " without items" : ""));
            selectPending(list);
        }, e -> error.set(ErrorMessages.describe(e)));
    }

    private void selectPending(List<SessionSummary> list) {
        if (pendingOpenUser == null) {
            return;
        }
        list.stream()
                .filter(s -> s.userId().equals(pendingOpenUser) && Objects.equals(pendingOpenSession, s.sessionId()))
                .findFirst().ifPresent(selected::set);
        pendingOpenUser = null;
        pendingOpenSession = null;
    }

    /** Enter / double click: the selected session's conversation. */
    public void openSelected() {
        SessionSummary s = selected.get();
        if (s != null) {
            transcript.open(s.userId(), s.sessionId());
        }
    }

    /** Opens a session's transcript directly (from another view); selects its row once the list has it. */
    public void openSession(String userId, String sessionId) {
        transcript.open(userId, sessionId);
        SessionSummary match = sessions.stream()
                .filter(s -> s.userId().equals(userId) && Objects.equals(sessionId, s.sessionId())).findFirst()
                .orElse(null);
        if (match != null) {
            selected.set(match);
        } else {
            pendingOpenUser = userId;
            pendingOpenSession = sessionId;
        }
    }

    /** The selected session's raw items in the memory items table. */
    public void showItems() {
        SessionSummary s = selected.get();
        if (s != null) {
            navigator.showMemoryItems(s.userId(), s.sessionId());
        }
    }

    public void cancel() {
        listSessions.cancel();
        transcript.cancel();
        cache.cancel();
    }

    /** The selected session's Redis keys (the Cache tab). */
    public SessionCacheViewModel cache() {
        return cache;
    }

    /** Follow: the open transcript takes in new, edited and deleted items as they are written. */
    public TranscriptFollowViewModel follow() {
        return follow;
    }

    public FilterField userField() {
        return user;
    }

    public ObservableList<SessionSummary> sessions() {
        return sessions;
    }

    public ObjectProperty<SessionSummary> selectedProperty() {
        return selected;
    }

    public TranscriptViewModel transcript() {
        return transcript;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return listSessions.runningProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
