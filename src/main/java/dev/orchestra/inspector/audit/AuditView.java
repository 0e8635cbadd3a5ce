package dev.orchestra.inspector.audit;

import dev.orchestra.inspector.common.BsonText;
import dev.orchestra.inspector.common.ExtendedJson;
import dev.orchestra.inspector.common.FeatureView;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.TimeFormat;
import dev.orchestra.storage.safety.AuditEntry;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.BorderPane;
import org.bson.BsonDocument;

/** Binds {@link AuditViewModel}: the entries, and before/after of the selected one side by side (masked). */
public class AuditView implements FeatureView {
    private final AuditViewModel model;
    private final SecretDisplay secrets;

    @FXML private BorderPane root;
    @FXML private Label errorBanner;
    @FXML private Label pageLabel;
    @FXML private TableView<AuditEntry> table;
    @FXML private TableColumn<AuditEntry, String> timeColumn;
    @FXML private TableColumn<AuditEntry, String> userColumn;
    @FXML private TableColumn<AuditEntry, String> actionColumn;
    @FXML private TableColumn<AuditEntry, String> collectionColumn;
    @FXML private TableColumn<AuditEntry, String> targetColumn;
    @FXML private TextArea beforeArea;
    @FXML private TextArea afterArea;
    @FXML private Button previousButton;
    @FXML private Button nextButton;

    public AuditView(AuditViewModel model, SecretDisplay secrets) {
        this.model = model;
        this.secrets = secrets;
    }

    @FXML
    private void initialize() {
        column(timeColumn, e -> e.time() == null ? "" : TimeFormat.dateTime(e.time()));
        column(userColumn, e -> e.user() + " (" + e.origin() + ")");
        column(actionColumn, AuditEntry::action);
        column(collectionColumn, AuditEntry::collection);
        column(targetColumn, AuditView::target);
        table.setItems(model.entries());
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> model.selectedProperty().set(is));
        beforeArea.textProperty().bind(Bindings.createStringBinding(() -> json(model.selectedProperty().get(), true),
                model.selectedProperty(), secrets.revealedProperty()));
        afterArea.textProperty().bind(Bindings.createStringBinding(() -> json(model.selectedProperty().get(), false),
                model.selectedProperty(), secrets.revealedProperty()));
        previousButton.disableProperty().bind(model.hasPreviousProperty().not());
        nextButton.disableProperty().bind(model.hasNextProperty().not());
        pageLabel.textProperty().bind(model.pageNumberProperty().asString("Page %d"));
        errorBanner.textProperty().bind(model.errorProperty());
        errorBanner.visibleProperty().bind(model.errorProperty().isNotNull());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
    }

    private static String target(AuditEntry e) {
        if (e.documentId() != null) {
            return "_id " + BsonText.inline(e.documentId(), 60);
        }
        String count = e.count() == null ? "" : e.count() + " document(s)";
        return e.filter() == null ? count : count + " matching " + ExtendedJson.compact(e.filter());
    }

    private String json(AuditEntry e, boolean before) {
        if (e == null) {
            return "";
        }
        BsonDocument d = before ? e.before() : e.after();
        if (d == null) {
            return before ? "(no document before: " + e.action() + ")" : "(no document after: " + e.action() + ")";
        }
        return ExtendedJson.format(secrets.isRevealed() ? d : secrets.masker().mask(d), false);
    }

    private static void column(TableColumn<AuditEntry, String> column, Function<AuditEntry, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    @FXML
    private void previous() {
        model.previous();
    }

    @FXML
    private void next() {
        model.next();
    }

    @Override
    public void focusFilter() {
        table.requestFocus();
    }

    @Override
    public void refresh() {
        model.first();
    }

    @Override
    public void openSelected() {
        afterArea.requestFocus();
    }

    @Override
    public void cancelLoad() {
    }

    @Override
    public void setShowing(boolean showing) {
        if (showing) {
            model.first();
        }
    }

    public BorderPane root() {
        return root;
    }
}
