package dev.orchestra.inspector.coherence;

import dev.orchestra.inspector.coherence.CoherenceViewModel.Scope;
import dev.orchestra.inspector.common.FeatureView;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.storage.coherence.CacheFinding;
import dev.orchestra.storage.coherence.CoherenceClass;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

/** Binds {@link CoherenceViewModel}: counts per class, the findings (coloured by class), the selected one's diff. */
public class CoherenceView implements FeatureView {
    private static final List<CoherenceClass> COUNTED = List.of(CoherenceClass.FRESH, CoherenceClass.STALE,
            CoherenceClass.ORPHAN, CoherenceClass.FOREIGN, CoherenceClass.EXPIRING);

    private final CoherenceViewModel model;
    private final Messages messages;

    @FXML private BorderPane root;
    @FXML private ChoiceBox<Scope> scopeChoice;
    @FXML private TextField userField;
    @FXML private TextField sessionField;
    @FXML private TextField sampleField;
    @FXML private Button checkButton;
    @FXML private Button cancelButton;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressLabel;
    @FXML private Label freshCount;
    @FXML private Label staleCount;
    @FXML private Label orphanCount;
    @FXML private Label foreignCount;
    @FXML private Label expiringCount;
    @FXML private Label summaryLabel;
    @FXML private Label resultLabel;
    @FXML private Label errorBanner;
    @FXML private TableView<CacheFinding> findingsTable;
    @FXML private TextArea diffArea;
    @FXML private Button repairSelectedButton;
    @FXML private Button repairAllButton;
    @FXML private Button deleteForeignButton;

    public CoherenceView(CoherenceViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        scopeChoice.getItems().setAll(Scope.values());
        scopeChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Scope scope) {
                return scope == null ? "" : messages.get("coherence.scope." + scope.name().toLowerCase(Locale.ROOT));
            }

            @Override
            public Scope fromString(String text) {
                return null; // a choice box never parses
            }
        });
        scopeChoice.valueProperty().bindBidirectional(model.scopeProperty());
        userField.textProperty().bindBidirectional(model.userProperty());
        sessionField.textProperty().bindBidirectional(model.sessionProperty());
        sampleField.textProperty().bindBidirectional(model.sampleProperty());
        userField.disableProperty().bind(model.scopeProperty().isEqualTo(Scope.SAMPLE));
        sessionField.disableProperty().bind(model.scopeProperty().isNotEqualTo(Scope.SESSION));
        checkButton.disableProperty().bind(model.checkExecutableProperty().not());
        cancelButton.disableProperty().bind(model.checkingProperty().not());
        progressBar.visibleProperty().bind(model.checkingProperty());
        progressBar.progressProperty().bind(model.progressProperty());
        progressLabel.textProperty().bind(model.progressMessageProperty());
        progressLabel.visibleProperty().bind(model.checkingProperty());
        List<Label> countLabels = List.of(freshCount, staleCount, orphanCount, foreignCount, expiringCount);
        for (int i = 0; i < COUNTED.size(); i++) {
            CoherenceClass coherence = COUNTED.get(i);
            countLabels.get(i).textProperty().bind(model.countProperty(coherence).asString(coherence.label() + " %d"));
        }
        summaryLabel.textProperty().bind(model.summaryProperty());
        resultLabel.textProperty().bind(model.resultProperty());
        errorBanner.textProperty().bind(model.errorProperty());
        errorBanner.visibleProperty().bind(model.errorProperty().isNotNull());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        repairSelectedButton.disableProperty().bind(model.selectedRepairableProperty().not());
        repairAllButton.disableProperty().bind(model.anyRepairableProperty().not());
        deleteForeignButton.disableProperty().bind(model.selectedForeignProperty().not());
        diffArea.textProperty().bind(model.diffTextProperty());
        bindTable();
    }

    private void bindTable() {
        findingsTable.setItems(model.findings());
        findingsTable.getColumns().setAll(List.of(
                column("coherence.column.key", 400, CacheFinding::key),
                column("coherence.column.class", 90, f -> f.coherence().label()),
                column("coherence.column.kind", 70, CacheFinding::keyKind),
                column("coherence.column.type", 60, CacheFinding::redisType),
                column("coherence.column.ttl", 105, FindingText::ttl),
                column("coherence.column.detail", 260, CacheFinding::detail)));
        findingsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_LAST_COLUMN);
        findingsTable.setPlaceholder(new Label(messages.get("coherence.none")));
        findingsTable.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(CacheFinding finding, boolean empty) {
                super.updateItem(finding, empty);
                for (CoherenceClass c : CoherenceClass.values()) {
                    getStyleClass().remove(styleClass(c));
                }
                if (!empty && finding != null) {
                    getStyleClass().add(styleClass(finding.coherence()));
                }
                setTooltip(empty || finding == null ? null : new Tooltip(finding.detail()));
            }
        });
        findingsTable.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                model.selectedProperty().set(is);
            }
        });
        model.selectedProperty().addListener((obs, was, is) -> {
            if (is != findingsTable.getSelectionModel().getSelectedItem()) {
                findingsTable.getSelectionModel().select(is);
            }
        });
    }

    static String styleClass(CoherenceClass coherence) {
        return "coherence-" + coherence.name().toLowerCase(Locale.ROOT);
    }

    private TableColumn<CacheFinding, String> column(String key, double width, Function<CacheFinding, String> value) {
        TableColumn<CacheFinding, String> column = new TableColumn<>(messages.get(key));
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        return column;
    }

    @FXML
    private void check() {
        model.check();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    @FXML
    private void repairSelected() {
        model.repairSelected();
    }

    @FXML
    private void repairAll() {
        model.repairAll();
    }

    @FXML
    private void deleteForeign() {
        model.deleteSelectedForeign();
    }

    @Override
    public void refresh() {
        model.check();
    }

    @Override
    public void setShowing(boolean showing) {
        model.setShowing(showing);
    }

    @Override
    public void focusFilter() {
        userField.requestFocus();
    }

    @Override
    public void openSelected() {
        // the selected finding's diff is always shown
    }

    @Override
    public void cancelLoad() {
        model.cancel();
    }

    public BorderPane root() {
        return root;
    }

    public TableView<CacheFinding> findingsTable() {
        return findingsTable;
    }
}
