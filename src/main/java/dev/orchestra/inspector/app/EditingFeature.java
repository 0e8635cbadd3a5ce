package dev.orchestra.inspector.app;

import dev.orchestra.inspector.audit.AuditView;
import dev.orchestra.inspector.audit.AuditViewModel;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.FxWindows;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.common.ViewLoader;
import dev.orchestra.inspector.deleting.DeleteFlow;
import dev.orchestra.inspector.deleting.FxDeleteDialogs;
import dev.orchestra.inspector.documents.DocumentTable;
import dev.orchestra.inspector.editing.DocumentActionsViewModel;
import dev.orchestra.inspector.editing.EditingActionsInstaller;
import dev.orchestra.inspector.editing.FxEditorWindows;
import dev.orchestra.inspector.editing.SessionRecordActionsViewModel;
import dev.orchestra.inspector.sessions.SessionsViewModel;
import dev.orchestra.inspector.trash.TrashView;
import dev.orchestra.inspector.trash.TrashViewModel;
import dev.orchestra.storage.safety.Actor;
import dev.orchestra.storage.safety.SafeOperations;
import dev.orchestra.storage.safety.WriteLock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Parent;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The app-wide write features, built in one place so the app context only wires it in: the safe storage
 * wrapper, editors, the delete flow, the Trash and Audit views and the read-only banner.
 */
public final class EditingFeature {
    private final SafeStorageHolder storage;
    private final FxWindows windows;
    private final DeleteFlow deletes;
    private final TrashViewModel trash;
    private final AuditViewModel audit;
    private final ReadOnlyBannerViewModel banner;
    private final FxEditorWindows editors;
    private final BackgroundRunner runner;
    private final DialogService dialogs;
    private final SecretDisplay secrets;
    private final Clock clock;
    private final ObservableList<Stage> openedWindows = FXCollections.observableArrayList();
    private final List<Runnable> refreshers = new ArrayList<>();
    private boolean bannerShown;

    public EditingFeature(BackgroundRunner runner, WriteLock lock, DialogService dialogs, ViewLoader loader,
                          SecretDisplay secrets, Clock clock) {
        this.runner = runner;
        this.dialogs = dialogs;
        this.secrets = secrets;
        this.clock = clock;
        this.storage = new SafeStorageHolder(lock, Actor.osUser(Actor.GUI));
        this.windows = new FxWindows(loader);
        this.editors = new FxEditorWindows(windows, dialogs, openedWindows::add);
        this.deletes = new DeleteFlow(runner, storage, new FxDeleteDialogs(windows, dialogs, openedWindows::add),
                secrets, SafeOperations.DEFAULT_BATCH_SIZE);
        this.trash = new TrashViewModel(runner, storage, this::refreshFeatures, dialogs);
        this.audit = new AuditViewModel(runner, storage);
        this.banner = new ReadOnlyBannerViewModel(lock, dialogs, runner);
    }

    /** Wraps the app's opener so the store it opens is gated and changed only through {@link SafeOperations}. */
    public StoreConnection.Opener wrap(StoreConnection.Opener opener) {
        return storage.wrap(opener);
    }

    /** Controllers for the views this feature adds (FXMLLoader controller factory); null for others. */
    public Object controllerFor(Class<?> type) {
        if (type == TrashView.class) {
            return new TrashView(trash, secrets);
        }
        if (type == AuditView.class) {
            return new AuditView(audit, secrets);
        }
        return null;
    }

    public void setOwner(Window owner) {
        windows.setOwner(owner);
    }

    /** Edit / New / Duplicate / Delete for a document table and its detail pane. */
    public DocumentActionsViewModel installDocumentActions(DocumentTable table) {
        var actions = new DocumentActionsViewModel(runner, storage, editors, deletes, table.model(), dialogs, clock);
        EditingActionsInstaller.install(actions, table);
        refreshers.add(actions::afterChange);
        return actions;
    }

    public void installSessionDelete(SessionsViewModel sessions, Parent featureRoot) {
        EditingActionsInstaller.installSessionDelete(deletes, sessions.selectedProperty(), () -> {
            sessions.load();
            refreshFeatures();
        }, featureRoot);
    }

    /** "Edit session record" / "Create session record" in the sessions view's header (the shared editor). */
    public SessionRecordActionsViewModel installSessionRecordActions(SessionsViewModel sessions, Parent featureRoot) {
        var actions = new SessionRecordActionsViewModel(runner, storage, editors, dialogs, clock,
                sessions.selectedProperty(), () -> {
                    sessions.load();
                    refreshFeatures();
                });
        EditingActionsInstaller.installSessionRecordActions(actions, featureRoot);
        return actions;
    }

    /**
     * The banner, added to {@code container} (the window's top area) the first time it has something to say: a
     * writable store never pays for building it at start-up.
     */
    public void installBanner(ViewLoader loader, Pane container) {
        Runnable build = () -> {
            if (bannerShown || !(banner.lockedProperty().get() || banner.unlockedByUserProperty().get())) {
                return;
            }
            bannerShown = true;
            ReadOnlyBannerView view = new ReadOnlyBannerView(banner);
            container.getChildren().add(loader.load(ReadOnlyBannerView.class, "ReadOnlyBanner.fxml", view).root());
        };
        banner.lockedProperty().addListener((obs, was, is) -> build.run());
        banner.unlockedByUserProperty().addListener((obs, was, is) -> build.run());
        build.run();
    }

    private void refreshFeatures() {
        refreshers.forEach(Runnable::run);
    }

    public SafeStorageHolder storage() {
        return storage;
    }

    public DeleteFlow deletes() {
        return deletes;
    }

    public TrashViewModel trash() {
        return trash;
    }

    public AuditViewModel audit() {
        return audit;
    }

    public ReadOnlyBannerViewModel banner() {
        return banner;
    }

    /** True when no editor holds unsaved text, or the user chose to lose it (asked before switching connection). */
    public boolean mayLeaveUnsavedEdits() {
        return !hasUnsavedEdits() || dialogs.confirm("Discard unsaved edits?",
                "An editor has changes that are not saved. Switch the connection and lose them?");
    }

    /** Whether an open editor holds text that is not saved. */
    public boolean hasUnsavedEdits() {
        return editors.anyUnsaved();
    }

    /** Editor, conflict and progress windows opened so far (for tests and screenshots). */
    public ObservableList<Stage> openedWindows() {
        return openedWindows;
    }
}
