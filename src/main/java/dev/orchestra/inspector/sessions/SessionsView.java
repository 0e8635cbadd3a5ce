package dev.orchestra.inspector.sessions;

import dev.orchestra.inspector.common.FeatureView;
import dev.orchestra.inspector.common.Icons;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.common.TimeFormat;
import dev.orchestra.inspector.documents.DocumentTables;
import dev.orchestra.storage.model.SessionSummary;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.controlsfx.glyphfont.FontAwesome;

/** The sessions view: a table of sessions and the open session's transcript. */
public class SessionsView implements FeatureView {
    private final SessionsViewModel model;
    private final Messages messages;
    private final StoreConnection store;
    private final BooleanProperty showing = new SimpleBooleanProperty(this, "showing", true);

    @FXML private BorderPane root;
    @FXML private FlowPane filterBar;
    @FXML private TextField userField;
    @FXML private Button applyButton;
    @FXML private Button scanButton;
    @FXML private ProgressBar scanProgress;
    @FXML private Label scanMessage;
    @FXML private Button stopScanButton;
    @FXML private Label summaryLabel;
    @FXML private Label errorBanner;
    @FXML private TableView<SessionSummary> table;
    @FXML private TableColumn<SessionSummary, SessionSummary> flagColumn;
    @FXML private TableColumn<SessionSummary, String> userColumn;
    @FXML private TableColumn<SessionSummary, String> sessionColumn;
    @FXML private TableColumn<SessionSummary, Long> countColumn;
    @FXML private TableColumn<SessionSummary, String> firstColumn;
    @FXML private TableColumn<SessionSummary, String> lastColumn;
    @FXML private TableColumn<SessionSummary, String> personaColumn;
    @FXML private Label transcriptTitle;
    @FXML private Label transcriptSubtitle;
    @FXML private Label transcriptLoading;
    @FXML private Button showItemsButton;
    @FXML private Button closeTranscriptButton;
    @FXML private ToggleButton followButton;
    @FXML private Label followStatus;
    @FXML private ScrollPane transcriptScroll;
    @FXML private VBox bubbles;
    @FXML private VBox transcriptPlaceholder;
    @FXML private Label transcriptPlaceholderLabel;
    @FXML private TabPane detailTabs;
    @FXML private Tab cacheTab;
    @FXML private Tab transcriptTab;
    private SessionCachePanel cachePanel;

    public SessionsView(SessionsViewModel model, Messages messages, StoreConnection store) {
        this.model = model;
        this.messages = messages;
        this.store = store;
    }

    @FXML
    private void initialize() {
        DocumentTables.bindFilter(userField, model.userField());
        userField.setOnAction(e -> model.load());
        applyButton.setGraphic(Icons.glyph(FontAwesome.Glyph.SEARCH));
        summaryLabel.textProperty().bind(model.summaryProperty());
        errorBanner.textProperty().bind(model.errorProperty());
        errorBanner.visibleProperty().bind(model.errorProperty().isNotNull());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());

        setUpScan();
        setUpTable();
        setUpTranscript();
        cachePanel = new SessionCachePanel(model.cache());
        cacheTab.setContent(cachePanel.root());
        model.cache().activeProperty().bind(cacheTab.selectedProperty());
        // Opening a conversation (Enter, double click, another view) shows it.
        model.transcript().sessionIdProperty().addListener((obs, was, is) -> {
            if (is != null) {
                detailTabs.getSelectionModel().select(transcriptTab);
            }
        });
    }

    private void setUpScan() {
        var scan = model.scanCommand();
        scanButton.disableProperty().bind(scan.executableProperty().not());
        scanProgress.progressProperty().bind(scan.progressProperty());
        scanMessage.textProperty().bind(scan.messageProperty());
        for (var node : List.<Control>of(scanProgress, scanMessage, stopScanButton)) {
            node.visibleProperty().bind(scan.runningProperty());
            node.managedProperty().bind(node.visibleProperty());
        }
    }

    @FXML
    private void findSessionsWithoutRecord() {
        model.findSessionsWithoutRecord();
    }

    @FXML
    private void stopScan() {
        model.stopScan();
    }

    private void setUpTable() {
        table.setItems(model.sessions());
        flagColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        flagColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(SessionSummary s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null || (!s.isOrphanItems() && !s.isEmptyRecord())) {
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                setGraphic(Icons.glyph(FontAwesome.Glyph.EXCLAMATION_TRIANGLE, "flag-warning"));
                setTooltip(new Tooltip(messages.get(s.isOrphanItems() ? "sessions.orphan" : "sessions.emptyRecord")));
            }
        });
        text(userColumn, SessionSummary::userId);
        text(sessionColumn, s -> s.sessionId() == null ? messages.get("sessions.noSession") : s.sessionId());
        countColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().itemCount()));
        countColumn.setStyle("-fx-alignment: CENTER-RIGHT;");
        text(firstColumn, s -> TimeFormat.minutes(s.firstActivity()));
        text(lastColumn, s -> TimeFormat.minutes(s.lastActivity()));
        text(personaColumn, SessionSummary::personaActive);
        Label placeholder = new Label();
        placeholder.getStyleClass().add("placeholder-text");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(Bindings.createStringBinding(() -> {
            if (store.stateProperty().get() != StoreConnection.State.CONNECTED) {
                return store.stateProperty().get() == StoreConnection.State.FAILED
                        ? messages.format("table.notConnected", store.errorProperty().get())
                        : messages.get("table.connecting");
            }
            return model.loadingProperty().get() ? messages.get("table.loading") : messages.get("sessions.none");
        }, store.stateProperty(), store.errorProperty(), model.loadingProperty()));
        table.setPlaceholder(placeholder);
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> model.selectedProperty().set(is));
        model.selectedProperty().addListener((obs, was, is) -> {
            if (is != table.getSelectionModel().getSelectedItem()) {
                table.getSelectionModel().select(is);
                if (is != null) {
                    table.scrollTo(is);
                }
            }
        });
        table.setRowFactory(t -> {
            TableRow<SessionSummary> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.openSelected();
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.openSelected();
                e.consume();
            }
        });
    }

    private static void text(TableColumn<SessionSummary, String> column, Function<SessionSummary, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    private void setUpTranscript() {
        TranscriptViewModel transcript = model.transcript();
        transcriptTitle.textProperty().bind(Bindings.createStringBinding(() -> !transcript.isOpen()
                ? messages.get("transcript.none")
                : transcript.sessionIdProperty().get() == null ? messages.get("sessions.noSession")
                : messages.format("transcript.title", transcript.sessionIdProperty().get()),
                transcript.userIdProperty(), transcript.sessionIdProperty()));
        transcriptSubtitle.textProperty().bind(Bindings.createStringBinding(() -> transcript.isOpen()
                ? messages.format("transcript.subtitle", transcript.userIdProperty().get(),
                transcript.messages().size(), transcript.hasOlderProperty().get() ? "+" : "",
                transcript.hasOlderProperty().get() ? 2 : transcript.messages().size())
                : "", transcript.userIdProperty(), transcript.messages(), transcript.hasOlderProperty()));
        transcriptLoading.visibleProperty().bind(transcript.loadingProperty());
        showItemsButton.setGraphic(Icons.glyph(FontAwesome.Glyph.TABLE));
        showItemsButton.disableProperty().bind(transcript.userIdProperty().isNull());
        closeTranscriptButton.setGraphic(Icons.glyph(FontAwesome.Glyph.TIMES));
        closeTranscriptButton.setTooltip(new Tooltip(messages.get("transcript.close")));
        closeTranscriptButton.disableProperty().bind(transcript.userIdProperty().isNull());
        transcriptPlaceholder.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> transcript.messages().isEmpty(), transcript.messages()));
        transcriptPlaceholderLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            if (transcript.errorProperty().get() != null) {
                return transcript.errorProperty().get();
            }
            if (!transcript.isOpen()) {
                return messages.get("transcript.hint");
            }
            return transcript.loadingProperty().get() ? messages.get("table.loading")
                    : messages.get("transcript.empty");
        }, transcript.errorProperty(), transcript.userIdProperty(), transcript.loadingProperty()));
        new TranscriptPane(transcript, messages, transcriptScroll, bubbles);
        setUpFollow();
    }

    private void setUpFollow() {
        TranscriptFollowViewModel follow = model.follow();
        followButton.setGraphic(Icons.glyph(FontAwesome.Glyph.PLAY_CIRCLE));
        followButton.setTooltip(new Tooltip(messages.get("transcript.follow.tip")));
        followButton.selectedProperty().bindBidirectional(follow.followingProperty());
        followButton.disableProperty().bind(model.transcript().userIdProperty().isNull());
        followStatus.textProperty().bind(Bindings.createStringBinding(() -> follow.errorProperty().get() != null
                ? follow.errorProperty().get() : follow.statusProperty().get(),
                follow.statusProperty(), follow.errorProperty()));
        follow.showingProperty().bind(showing.and(transcriptTab.selectedProperty()));
    }

    @FXML
    private void load() {
        model.load();
    }

    @FXML
    private void showItems() {
        model.showItems();
    }

    @FXML
    private void closeTranscript() {
        model.transcript().close();
    }

    @Override
    public void focusFilter() {
        userField.requestFocus();
        userField.selectAll();
    }

    @Override
    public void refresh() {
        model.load();
        model.transcript().refresh();
        if (model.cache().activeProperty().get()) {
            model.cache().refresh();
        }
    }

    @Override
    public void setShowing(boolean visible) {
        showing.set(visible);
        model.setShowing(visible);
    }

    @Override
    public void openSelected() {
        model.openSelected();
    }

    @Override
    public void cancelLoad() {
        model.cancel();
    }

    public BorderPane root() {
        return root;
    }

    public TableView<SessionSummary> table() {
        return table;
    }

    /** The Cache (Redis) tab: selecting it reads the selected session's keys. */
    public Tab cacheTab() {
        return cacheTab;
    }

    public SessionCachePanel cachePanel() {
        return cachePanel;
    }

    /** The transcript's bubbles, in order (for tests and screenshots). */
    public VBox bubbles() {
        return bubbles;
    }
}
