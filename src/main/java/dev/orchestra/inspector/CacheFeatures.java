package dev.orchestra.inspector;

import dev.orchestra.inspector.coherence.CoherenceView;
import dev.orchestra.inspector.coherence.CoherenceViewModel;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.FxDialogService;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.common.ViewLoader;
import dev.orchestra.inspector.detail.DocumentDetailViewModel;
import dev.orchestra.inspector.keys.CoherenceClasses;
import dev.orchestra.inspector.keys.KeyActionsViewModel;
import dev.orchestra.inspector.keys.KeyValueViewModel;
import dev.orchestra.inspector.keys.KeysView;
import dev.orchestra.inspector.keys.KeysViewModel;
import java.util.function.Supplier;

/**
 * The two views of the Redis cache beside MongoDB — the coherence check and the key browser — with their controllers.
 * Kept apart from the rest of the wiring because they share what they need: the read side of the store, the gated
 * storage for repairs and key actions, and a detail pane for cached documents.
 */
final class CacheFeatures {
    private final Messages messages;
    private final ViewLoader viewLoader;
    private final CoherenceViewModel coherenceModel;
    private final KeysViewModel keysModel;

    CacheFeatures(BackgroundRunner runner, StoreConnection store, SafeStorageHolder storage, FxDialogService dialogs,
                  Messages messages, ViewLoader viewLoader, Supplier<DocumentDetailViewModel> detailModels) {
        this.messages = messages;
        this.viewLoader = viewLoader;
        this.coherenceModel = new CoherenceViewModel(runner, storage, dialogs, messages);
        this.keysModel = new KeysViewModel(runner, store, messages, new CoherenceClasses(),
                new KeyValueViewModel(runner, store, messages, detailModels.get()),
                new KeyActionsViewModel(runner, storage, dialogs, messages));
    }

    /** The FXML controller of {@code type}, or null when it is not one of these views. */
    Object controllerFor(Class<?> type) {
        if (type == CoherenceView.class) {
            return new CoherenceView(coherenceModel, messages);
        }
        if (type == KeysView.class) {
            return new KeysView(keysModel, viewLoader, messages);
        }
        return null;
    }

    CoherenceViewModel coherenceModel() {
        return coherenceModel;
    }

    KeysViewModel keysModel() {
        return keysModel;
    }
}
