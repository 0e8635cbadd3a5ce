package dev.orchestra.inspector.transfer;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.common.ViewLoader;
import dev.orchestra.inspector.common.FxWindows;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.StoreCollection;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * File → Export… and Import… built in one place: one ViewModel of each for the window's lifetime (so a
 * dialog reopened during a long transfer shows it still running), each in its own non-modal window. Closing a window
 * while its transfer runs cancels the transfer instead of hiding it.
 */
public final class TransferFeature {
    private static final String CSS = "transfer.css";

    private final ExportViewModel exportModel;
    private final ImportViewModel importModel;
    private final FxWindows windows;
    private final Messages messages;
    private Stage exportStage;
    private Stage importStage;

    public TransferFeature(BackgroundRunner runner, StoreConnection store, SafeStorageHolder storage,
                           Function<CollectionRef, DocumentFilter> activeFilters, Runnable afterImport,
                           ViewLoader loader, Messages messages) {
        this.exportModel = new ExportViewModel(runner, store, activeFilters);
        this.importModel = new ImportViewModel(runner, storage, afterImport);
        this.windows = new FxWindows(loader);
        this.messages = messages;
    }

    public void setOwner(Window owner) {
        windows.setOwner(owner);
    }

    /** @param shown the collection of the view that is showing (preselected, with its filter offered) */
    public Stage openExport(CollectionRef shown) {
        exportModel.prepare(shown);
        if (exportStage == null) {
            ExportView view = new ExportView(exportModel, () -> exportStage.close());
            var loaded = windows.loader().load(ExportView.class, "Export.fxml", view);
            exportStage = newStage(messages.get("transfer.export.title"), loaded.root(),
                    () -> exportModel.runningProperty().get(), exportModel::cancel);
        }
        return showAndFocus(exportStage);
    }

    public Stage openImport(CollectionRef shown) {
        importModel.prepare();
        if (!importModel.runningProperty().get() && shown instanceof StoreCollection orchestra
                && importModel.checkedProperty().get() == null) {
            importModel.collectionProperty().set(orchestra);
        }
        if (importStage == null) {
            ImportView view = new ImportView(importModel, messages, () -> importStage.close());
            var loaded = windows.loader().load(ImportView.class, "Import.fxml", view);
            importStage = newStage(messages.get("transfer.import.title"), loaded.root(),
                    () -> importModel.runningProperty().get(), importModel::cancel);
        }
        return showAndFocus(importStage);
    }

    private Stage newStage(String title, Parent root, BooleanSupplier running, Runnable cancel) {
        Stage stage = windows.stage(title, root, false);
        stage.getScene().getStylesheets().add(TransferFeature.class.getResource(CSS).toExternalForm());
        stage.setOnCloseRequest(e -> {
            if (running.getAsBoolean()) {
                e.consume(); // closing would hide a running transfer: cancel it instead
                cancel.run();
            }
        });
        return stage;
    }

    private static Stage showAndFocus(Stage stage) {
        stage.show();
        stage.toFront();
        return stage;
    }

    /** The export window once opened, else null (for UI tests and screenshots). */
    public Stage exportWindow() {
        return exportStage;
    }

    /** The import window once opened, else null. */
    public Stage importWindow() {
        return importStage;
    }

    public ExportViewModel exportModel() {
        return exportModel;
    }

    public ImportViewModel importModel() {
        return importModel;
    }
}
