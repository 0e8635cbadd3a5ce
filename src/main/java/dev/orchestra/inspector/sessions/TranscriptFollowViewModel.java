package dev.orchestra.inspector.sessions;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.ScheduledCommand;
import dev.orchestra.inspector.common.SecretMasker;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.storage.SessionFeed;
import dev.orchestra.storage.SessionTail;
import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.SessionChanges;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Follow: the open transcript takes in what other processes write to its session, without reloading. A
 * {@link ScheduledCommand} ticks every {@link #PERIOD}; each tick polls the store's {@link SessionTail} feed through
 * an {@link AsyncCommand} (a tick is skipped while the last poll still runs) and applies the changes to the
 * transcript in place. Following ends when it is switched off, the session is closed or changed, the transcript
 * is hidden, or a poll fails; the timer thread is ended then (a new follow starts a new one), and the feed is closed
 * off the UI thread.
 */
public class TranscriptFollowViewModel {
    /** Between polls: well inside the two seconds a new item may take to appear. */
    public static final Duration PERIOD = Duration.ofSeconds(1);
    /** How many of the newest items a poll compares for edits and deletions. */
    public static final int WINDOW = 200;
    /** The timer thread's name, while following. */
    public static final String THREAD_NAME = "transcript-follow";

    private final BackgroundRunner runner;
    private final StoreConnection store;
    private final TranscriptViewModel transcript;
    private final Duration period;
    private final BooleanProperty following = new SimpleBooleanProperty(this, "following");
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing", true);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final AsyncCommand<Polled> poll;
    private ScheduledCommand ticks;
    private Follow current;

    public TranscriptFollowViewModel(BackgroundRunner runner, StoreConnection store, TranscriptViewModel transcript) {
        this(runner, store, transcript, PERIOD);
    }

    public TranscriptFollowViewModel(BackgroundRunner runner, StoreConnection store, TranscriptViewModel transcript,
                                     Duration period) {
        this.runner = runner;
        this.store = store;
        this.transcript = transcript;
        this.period = period;
        this.poll = new AsyncCommand<>(runner, "Following the session");
        following.addListener((obs, was, is) -> {
            if (is) {
                start();
            } else {
                stop();
            }
        });
        showing.addListener((obs, was, is) -> {
            if (!is) {
                following.set(false);
            }
        });
        transcript.userIdProperty().addListener((obs, was, is) -> following.set(false));
        transcript.sessionIdProperty().addListener((obs, was, is) -> following.set(false));
        store.stateProperty().addListener((obs, was, is) -> {
            if (is != StoreConnection.State.CONNECTED) {
                following.set(false);
            }
        });
    }

    private void start() {
        if (!transcript.isOpen() || !showing.get() || !store.isConnected()) {
            following.set(false);
            return;
        }
        error.set(null);
        status.set("Following…");
        current = new Follow(transcript.userIdProperty().get(), transcript.sessionIdProperty().get());
        ticks = new ScheduledCommand(runner, THREAD_NAME, period, this::tick);
        ticks.start();
        tick(); // the first poll at once: it brings the transcript up to date

    }

    private void stop() {
        if (ticks != null) {
            ticks.close();
            ticks = null;
        }
        poll.cancel();
        Follow ended = current;
        current = null;
        status.set("");
        if (ended != null) {
            // Closing a change stream talks to the server: never on the UI thread. A command of its own per close,
            // so a quick stop-start-stop never cancels the close before it.
            new AsyncCommand<Void>(runner, "Closing the follow").execute(() -> {
                ended.close();
                return null;
            }, done -> { }, e -> { });
        }
    }

    /** One poll, unless the last one still runs or the transcript is loading (its page would land twice). */
    void tick() {
        Follow follow = current;
        if (follow == null || poll.isRunning() || transcript.loadingProperty().get()) {
            return;
        }
        SecretMasker masker = transcript.secrets().masker();
        poll.execute(() -> follow.poll(masker), polled -> {
            if (follow != current) {
                return;
            }
            status.set(polled.mode() == SessionFeed.Mode.CHANGE_STREAM ? "Following · change stream"
                    : "Following · polling every " + (period.toMillis() % 1000 == 0 ? period.toSeconds() + " s"
                    : period.toMillis() + " ms"));
            transcript.apply(polled.upserted(), polled.changes().removed(), polled.changes().complete(),
                    polled.changes().completeAfter());
        }, e -> {
            error.set("Following stopped: " + ErrorMessages.describe(e));
            following.set(false);
        });
    }

    /** A poll's result, its documents already turned into messages on the worker. */
    private record Polled(SessionFeed.Mode mode, SessionChanges changes, List<ChatMessage> upserted) {
    }

    /** One follow of one session; its feed opens on the first poll (a worker thread) and is used by one at a time. */
    private final class Follow {
        private final String userId;
        private final String sessionId;
        private SessionFeed feed;
        private boolean closed;

        Follow(String userId, String sessionId) {
            this.userId = Objects.requireNonNull(userId);
            this.sessionId = sessionId;
        }

        synchronized Polled poll(SecretMasker masker) {
            if (closed) {
                return new Polled(SessionFeed.Mode.POLLING, SessionChanges.NONE, List.of());
            }
            if (feed == null) {
                SessionTail tail = store.current().capability(SessionTail.class).orElseThrow(() ->
                        new StorageValidationException("This store cannot follow a session"));
                feed = tail.follow(userId, sessionId, WINDOW);
            }
            SessionChanges changes = feed.poll();
            List<ChatMessage> messages = changes.upserted().stream()
                    .map(d -> ChatMessage.of(DocumentRow.of(StoreCollection.MEMORY_ITEMS, d, masker))).toList();
            return new Polled(feed.mode(), changes, messages);
        }

        synchronized void close() {
            closed = true;
            if (feed != null) {
                feed.close();
            }
        }
    }

    /** The Follow toggle. */
    public BooleanProperty followingProperty() {
        return following;
    }

    /** Whether the transcript can be seen; hiding it ends the follow. */
    public BooleanProperty showingProperty() {
        return showing;
    }

    /** "Following · change stream" or "Following · polling every 1 s" while following; empty otherwise. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why following stopped on its own; null while it runs or after a clean stop. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
