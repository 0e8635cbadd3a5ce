package dev.orchestra.inspector.sessions;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.FilterField;
import dev.orchestra.inspector.common.Navigator;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.model.RecordlessSessions;
import dev.orchestra.storage.model.SessionSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Sessions with the open session's transcript. Opening lists the most recently updated {@code user_sessions}
 * records with their items' statistics (bounded by {@link #LIMIT}, whatever the size of memory_items); sessions
 * that have items but no record, and each user's "(no session)" items, are added by an explicit scan
 * ({@link #findSessionsWithoutRecord}) that reports progress and can be stopped.
 */
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
    private final AsyncCommand<RecordlessSessions> scan;
    private List<SessionSummary> listed = List.of();
    private RecordlessSessions scanned;
    private String pendingOpenUser;
    private boolean showing = true;
    private boolean loadWhenShown;
    private String pendingOpenSession;

    public SessionsViewModel(BackgroundRunner runner, StoreConnection store, TranscriptViewModel transcript,
                             Navigator navigator) {
        this.store = store;
        this.listSessions = new AsyncCommand<>(runner, "Listing sessions");
        this.scan = new AsyncCommand<>(runner, "Finding sessions without a record");
        this.transcript = transcript;
        this.navigator = navigator;
        this.cache = new SessionCacheViewModel(runner, store);
        this.follow = new TranscriptFollowViewModel(runner, store, transcript);
        selected.addListener((obs, was, is) -> cache.show(is == null ? null : is.userId(),
                is == null ? null : is.sessionId()));
        store.stateProperty().addListener((obs, was, is) -> {
            if (is == StoreConnection.State.CONNECTED) {
                if (showing) {
                    load();
                } else {
                    loadWhenShown = true;
                }
            }
        });
    }

    /** Hidden, the list is not loaded when the store connects but when the view is first shown. */
    public void setShowing(boolean showing) {
        this.showing = showing;
        if (showing && loadWhenShown) {
            loadWhenShown = false;
            load();
        }
    }

    public void load() {
        if (!store.isConnected()) {
            return;
        }
        DocumentStore manager = store.current();
        String userId = user.value();
        error.set(null);
        scan.cancel();
        listSessions.execute(() -> manager.listSessions(userId, LIMIT), list -> {
            listed = list;
            scanned = null;
            show();
            selectPending(list);
        }, e -> error.set(ErrorMessages.describe(e)));
    }

    /**
     * Reads every memory item (of the user in the filter) for the sessions without a record and the "(no session)"
     * items, and adds them to the list; {@link #stopScan} ends it early with what it found.
     */
    public void findSessionsWithoutRecord() {
        if (!store.isConnected()) {
            return;
        }
        DocumentStore manager = store.current();
        String userId = user.value();
        scan.execute(progress -> manager.findSessionsWithoutRecord(userId, LIMIT, (done, total) -> {
            progress.update(total > 0 ? Math.min(1.0, (double) done / total) : -1,
                    String.format("%,d of ~%,d items read", done, total));
            return !progress.stopRequested();
        }), found -> {
            scanned = found;
            show();
            selectPending(sessions);
        }, e -> error.set(ErrorMessages.describe(e)));
    }

    public void stopScan() {
        scan.requestStop();
    }

    private void show() {
        List<SessionSummary> rows = new ArrayList<>(listed);
        if (scanned != null) {
            rows.addAll(scanned.sessions());
            rows.sort(Comparator.comparing(SessionSummary::lastActivity,
                    Comparator.nullsLast(Comparator.reverseOrder())));
        }
        SessionSummary wasSelected = selected.get();
        sessions.setAll(rows);
        if (wasSelected != null && rows.contains(wasSelected)) {
            selected.set(wasSelected);
        }
        long orphans = rows.stream().filter(SessionSummary::isOrphanItems).count();
        long empty = rows.stream().filter(SessionSummary::isEmptyRecord).count();
        summary.set(listed.size() + (listed.size() >= LIMIT ? "+" : "")
                + (listed.size() == 1 ? " session" : " sessions")
                + (empty > 0 ? " · " + empty + " without items" : "")
                + (scanned == null ? "" : " · " + orphans + " without a record"
                        + (scanned.complete() ? "" : " (scan stopped)")
                        + String.format(" · %,d items read", scanned.itemsExamined())));
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
        scan.cancel();
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

    /** The scan for sessions without a record: running, progress, its message, and whether it may start. */
    public AsyncCommand<RecordlessSessions> scanCommand() {
        return scan;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
