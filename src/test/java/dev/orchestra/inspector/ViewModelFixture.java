package dev.orchestra.inspector;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.SecretMasker;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.detail.DocumentDetailViewModel;
import dev.orchestra.storage.MemoryManager;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The collaborators every ViewModel test needs, wired around one store and one runner. */
public final class ViewModelFixture {
    public final BackgroundRunner runner;
    public final StoreConnection store;
    public final SecretDisplay secrets = new SecretDisplay(new SecretMasker());
    public final RecordingDialogs dialogs = new RecordingDialogs();
    public final Clock clock = Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC);

    public ViewModelFixture(BackgroundRunner runner, MemoryManager manager) {
        this.runner = runner;
        this.store = new StoreConnection(runner, () -> manager);
    }

    public DocumentDetailViewModel detail() {
        return new DocumentDetailViewModel(runner, store, secrets, dialogs);
    }

    /** Remembers what was copied and shown instead of touching the desktop. */
    public static final class RecordingDialogs implements DialogService {
        public final List<String> clipboard = new ArrayList<>();
        public final List<String> errors = new ArrayList<>();

        @Override
        public void showError(String title, String message) {
            errors.add(title + ": " + message);
        }

        @Override
        public boolean confirm(String title, String message) {
            return false;
        }

        @Override
        public void copyToClipboard(String text) {
            clipboard.add(text);
        }
    }
}
