package dev.orchestra.inspector.detail;

import dev.orchestra.inspector.common.BsonText;
import dev.orchestra.inspector.common.Icons;
import dev.orchestra.inspector.common.Messages;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.bson.BsonDocument;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.glyphfont.FontAwesome;

/**
 * The detail pane: binds a {@link DocumentDetailViewModel}. Editors plug in through {@link #addTab(Tab)} and
 * {@link #addAction(Node)}.
 */
public class DocumentDetailView {
    private final DocumentDetailViewModel model;
    private final Messages messages;

    @FXML private VBox root;
    @FXML private Label titleLabel;
    @FXML private Label loadingIndicator;
    @FXML private FlowPane badges;
    @FXML private SegmentedButton modeButtons;
    @FXML private ToggleButton readableButton;
    @FXML private ToggleButton canonicalButton;
    @FXML private ToggleButton revealButton;
    @FXML private Button copyButton;
    @FXML private HBox extensionActions;
    @FXML private TabPane tabs;
    @FXML private TextArea jsonArea;
    @FXML private TreeTableView<BsonNode> tree;
    @FXML private TreeTableColumn<BsonNode, String> keyColumn;
    @FXML private TreeTableColumn<BsonNode, String> typeColumn;
    @FXML private TreeTableColumn<BsonNode, String> valueColumn;
    @FXML private VBox placeholder;
    @FXML private Label placeholderLabel;

    public DocumentDetailView(DocumentDetailViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        readableButton.setSelected(!model.canonicalProperty().get());
        canonicalButton.setSelected(model.canonicalProperty().get());
        canonicalButton.selectedProperty().addListener((obs, was, is) -> model.canonicalProperty().set(is));
        model.canonicalProperty().addListener((obs, was, is) -> (is ? canonicalButton : readableButton).setSelected(true));
        // A segmented button must always have one side selected.
        modeButtons.getToggleGroup().selectedToggleProperty().addListener((obs, was, is) -> {
            if (is == null && was != null) {
                was.setSelected(true);
            }
        });
        readableButton.setTooltip(new Tooltip(messages.get("detail.readable.tip")));
        canonicalButton.setTooltip(new Tooltip(messages.get("detail.canonical.tip")));
        revealButton.selectedProperty().bindBidirectional(model.revealSecretsProperty());
        revealButton.graphicProperty().bind(Bindings.createObjectBinding(() -> Icons.glyph(
                revealButton.isSelected() ? FontAwesome.Glyph.EYE_SLASH : FontAwesome.Glyph.EYE),
                revealButton.selectedProperty()));
        revealButton.setTooltip(new Tooltip(messages.get("detail.reveal.tip")));
        copyButton.setGraphic(Icons.glyph(FontAwesome.Glyph.COPY));
        copyButton.disableProperty().bind(model.documentProperty().isNull());

        jsonArea.textProperty().bind(model.jsonProperty());
        keyColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().key()));
        typeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().type()));
        valueColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().getValue().value()));
        valueColumn.setCellFactory(column -> new BsonValueCell());
        model.displayedDocument().addListener((obs, was, is) -> rebuildTree(is));
        rebuildTree(model.displayedDocument().get());

        loadingIndicator.visibleProperty().bind(model.loadingProperty());
        titleLabel.textProperty().bind(Bindings.createStringBinding(() -> model.documentIdProperty().get() == null
                ? messages.get("detail.title")
                : messages.format("detail.titleWithId", model.collectionProperty().get().collectionName(),
                        BsonText.inline(model.documentIdProperty().get(), 60)),
                model.documentIdProperty(), model.collectionProperty()));

        placeholder.visibleProperty().bind(model.documentProperty().isNull());
        tabs.visibleProperty().bind(model.documentProperty().isNotNull());
        placeholderLabel.textProperty().bind(Bindings.createStringBinding(() -> model.errorProperty().get() != null
                ? model.errorProperty().get() : messages.get("detail.empty"), model.errorProperty()));

        ListChangeListener<String> badgeUpdater = c -> rebuildBadges();
        model.issues().addListener(badgeUpdater);
        model.secretPaths().addListener(badgeUpdater);
        model.errorProperty().addListener((obs, was, is) -> rebuildBadges());
        rebuildBadges();
    }

    @FXML
    private void copyJson() {
        model.copyJson();
    }

    private void rebuildTree(BsonDocument document) {
        if (document == null) {
            tree.setRoot(null);
            return;
        }
        BsonTreeItem rootItem = new BsonTreeItem("", document);
        rootItem.setExpanded(true);
        tree.setRoot(rootItem);
    }

    private void rebuildBadges() {
        badges.getChildren().clear();
        for (String issue : model.issues()) {
            badges.getChildren().add(badge(issue, "badge-warning", FontAwesome.Glyph.EXCLAMATION_TRIANGLE));
        }
        for (String path : model.secretPaths()) {
            badges.getChildren().add(badge(messages.format("detail.secretAt", path), "badge-secret",
                    FontAwesome.Glyph.LOCK));
        }
        if (model.errorProperty().get() != null && model.documentProperty().get() != null) {
            badges.getChildren().add(badge(model.errorProperty().get(), "badge-error", FontAwesome.Glyph.TIMES_CIRCLE));
        }
        badges.setVisible(!badges.getChildren().isEmpty());
        badges.setManaged(badges.isVisible());
    }

    private static Label badge(String text, String styleClass, FontAwesome.Glyph icon) {
        Label label = new Label(text, Icons.glyph(icon));
        label.getStyleClass().addAll("badge", styleClass);
        label.setTooltip(new Tooltip(text));
        return label;
    }

    public VBox root() {
        return root;
    }

    /** Lets the editing feature add a tab next to JSON and Tree without this view knowing about editing. */
    public void addTab(Tab tab) {
        tabs.getTabs().add(tab);
    }

    /** Lets the editing feature add a button to the detail toolbar without this view knowing about editing. */
    public void addAction(Node action) {
        extensionActions.getChildren().add(action);
    }

    public TabPane tabs() {
        return tabs;
    }
}
