package dev.orchestra.inspector.trash;

import dev.orchestra.inspector.common.BsonText;
import dev.orchestra.inspector.common.ExtendedJson;
import dev.orchestra.inspector.common.FeatureView;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.TimeFormat;
import dev.orchestra.storage.safety.TrashEntry;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;

/** Binds {@link TrashViewModel}: the list, the selected document's JSON (masked), restore buttons. */
public class TrashView implements FeatureView {
    private final TrashViewModel model;
    private final SecretDisplay secrets;

    @FXML private BorderPane root;
    @FXML private Label messageLabel;
    @FXML private Label errorBanner;
    @FXML private TableView<TrashEntry> table;
    @FXML private TableColumn<TrashEntry, String> deletedAtColumn;
    @FXML private TableColumn<TrashEntry, String> collectionColumn;
    @FXML private TableColumn<TrashEntry, String> idColumn;
    @FXML private TableColumn<TrashEntry, String> byColumn;
    @FXML private TableColumn<TrashEntry, String> batchColumn;
    @FXML private TextArea documentArea;
    @FXML private Button restoreButton;
    @FXML private Button restoreBatchButton;
    @FXML private Button moreButton;

    public TrashView(TrashViewModel model, SecretDisplay secrets) {
        this.model = model;
        this.secrets = secrets;
    }

    @FXML
    private void initialize() {
        column(deletedAtColumn, e -> e.deletedAt() == null ? "" : TimeFormat.dateTime(e.deletedAt()));
        column(collectionColumn, TrashEntry::sourceCollection);
        column(idColumn, e -> e.documentId() == null ? "" : BsonText.inline(e.documentId(), 60));
        column(byColumn, e -> e.deletedBy() + " (" + e.origin() + ")");
        column(batchColumn, TrashEntry::batchId);
        table.setItems(model.entries());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<TrashEntry>) c ->
                model.selected().setAll(table.getSelectionModel().getSelectedItems()));
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> model.currentProperty().set(is));
        documentArea.textProperty().bind(Bindings.createStringBinding(() -> {
            TrashEntry e = model.currentProperty().get();
            if (e == null) {
                return "";
            }
            return ExtendedJson.format(secrets.isRevealed() ? e.document() : secrets.masker().mask(e.document()), false);
        }, model.currentProperty(), secrets.revealedProperty()));
        restoreButton.disableProperty().bind(Bindings.isEmpty(model.selected()).or(model.loadingProperty()));
        restoreBatchButton.disableProperty().bind(model.currentProperty().isNull().or(model.loadingProperty()));
        moreButton.disableProperty().bind(model.hasMoreProperty().not());
        messageLabel.textProperty().bind(model.messageProperty());
        errorBanner.textProperty().bind(model.errorProperty());
        errorBanner.visibleProperty().bind(model.errorProperty().isNotNull());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        Hyperlink details = new Hyperlink("Details…");
        details.visibleProperty().bind(model.errorDetailsProperty().isNotNull());
        details.setOnAction(e -> model.showErrorDetails());
        errorBanner.setGraphic(details);
        errorBanner.setContentDisplay(ContentDisplay.RIGHT);
    }

    private static void column(TableColumn<TrashEntry, String> column, Function<TrashEntry, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    @FXML
    private void restoreSelected() {
        model.restoreSelected();
    }

    @FXML
    private void restoreBatch() {
        model.restoreBatch();
    }

    @FXML
    private void loadMore() {
        model.loadMore();
    }

    @Override
    public void focusFilter() {
        table.requestFocus();
    }

    @Override
    public void refresh() {
        model.load();
    }

    @Override
    public void openSelected() {
        documentArea.requestFocus();
    }

    @Override
    public void cancelLoad() {
    }

    @Override
    public void setShowing(boolean showing) {
        if (showing) {
            model.load();
        }
    }

    public BorderPane root() {
        return root;
    }

    public TableView<TrashEntry> table() {
        return table;
    }
}
