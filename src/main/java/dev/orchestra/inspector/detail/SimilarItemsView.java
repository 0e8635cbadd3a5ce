package dev.orchestra.inspector.detail;

import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.TimeFormat;
import dev.orchestra.inspector.common.ViewLoader;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;

/** The Similar tab of the memory item detail pane: binds a {@link SimilarItemsViewModel}. */
public class SimilarItemsView {
    private final SimilarItemsViewModel model;
    private final Messages messages;
    private Tab tab;

    @FXML private VBox root;
    @FXML private TextField userField;
    @FXML private TextField personaField;
    @FXML private Spinner<Integer> topKSpinner;
    @FXML private Button findButton;
    @FXML private Button cancelButton;
    @FXML private Label progress;
    @FXML private Label summaryLabel;
    @FXML private Label errorLabel;
    @FXML private TableView<SimilarItem> table;
    @FXML private TableColumn<SimilarItem, String> scoreColumn;
    @FXML private TableColumn<SimilarItem, String> textColumn;
    @FXML private TableColumn<SimilarItem, String> typeColumn;
    @FXML private TableColumn<SimilarItem, String> sessionColumn;
    @FXML private TableColumn<SimilarItem, String> timeColumn;
    @FXML private TextArea vectorArea;
    @FXML private Label vectorStatusLabel;
    @FXML private Button vectorButton;

    public SimilarItemsView(SimilarItemsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        userField.textProperty().bindBidirectional(model.userProperty());
        personaField.textProperty().bindBidirectional(model.personaProperty());
        topKSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1,
                SimilarItemsViewModel.MAX_TOP_K, model.topKProperty().get()));
        topKSpinner.valueProperty().addListener((obs, was, is) -> model.topKProperty().set(is));
        findButton.setTooltip(new Tooltip(messages.get("similar.find.tip")));
        findButton.disableProperty().bind(model.runningProperty());
        vectorButton.disableProperty().bind(model.runningProperty());
        cancelButton.visibleProperty().bind(model.runningProperty());
        cancelButton.managedProperty().bind(cancelButton.visibleProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        summaryLabel.textProperty().bind(model.summaryProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotNull());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        vectorArea.textProperty().bindBidirectional(model.vectorTextProperty());
        vectorStatusLabel.textProperty().bind(model.vectorStatusProperty());

        table.setItems(model.results());
        Label placeholder = new Label(messages.get("similar.empty"));
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add("placeholder-text");
        table.setPlaceholder(placeholder);
        column(scoreColumn, SimilarItem::scoreText);
        scoreColumn.getStyleClass().add("score-cell");
        column(textColumn, SimilarItem::text);
        column(typeColumn, SimilarItem::itemType);
        column(sessionColumn, SimilarItem::sessionId);
        column(timeColumn, i -> TimeFormat.minutes(i.time()));
        table.setRowFactory(t -> {
            TableRow<SimilarItem> row = new TableRow<>();
            row.itemProperty().addListener((obs, was, is) -> row.setTooltip(is == null ? null
                    : new Tooltip(is.text() + "\n\n" + messages.get("similar.open.tip"))));
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.open(row.getItem());
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.open(table.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    /** Adds the Similar tab to a memory item detail pane; the search runs only while the tab is selected. */
    public static SimilarItemsView installIn(DocumentDetailView detail, SimilarItemsViewModel model,
                                             ViewLoader loader, Messages messages) {
        SimilarItemsView view = loader.load(SimilarItemsView.class, "SimilarItems.fxml",
                new SimilarItemsView(model, messages)).controller();
        Tab tab = new Tab(messages.get("similar.tab"), view.root());
        tab.setId("similarTab");
        detail.addTab(tab);
        model.activeProperty().bind(tab.selectedProperty());
        view.tab = tab;
        return view;
    }

    /** The tab this view fills. */
    public Tab tab() {
        return tab;
    }

    private static void column(TableColumn<SimilarItem, String> column, Function<SimilarItem, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    @FXML
    private void findSimilar() {
        model.findSimilar();
    }

    @FXML
    private void searchByVector() {
        model.searchByVector();
    }

    @FXML
    private void cancel() {
        model.cancel();
    }

    public VBox root() {
        return root;
    }

    public TableView<SimilarItem> table() {
        return table;
    }
}
