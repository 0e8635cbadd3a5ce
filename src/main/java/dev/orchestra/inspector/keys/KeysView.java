package dev.orchestra.inspector.keys;

import dev.orchestra.inspector.common.FeatureView;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.ViewLoader;
import dev.orchestra.storage.redis.keys.KeyInfo;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;

/** Binds {@link KeysViewModel}: the keys as a lazily built tree or a flat list, and the selected key's value. */
public class KeysView implements FeatureView {
    private final KeysViewModel model;
    private final ViewLoader loader;
    private final Messages messages;
    /** Group counts on screen are brought up to date at most this often while pages arrive. */
    private static final long REFRESH_NANOS = 1_000_000_000L;
    /**
     * Bumped to bring the cells on screen up to date (group counts and sizes, classes, a replaced key): the cells
     * follow it ({@link ShownCells}), where a {@code refresh()} would make every cell anew (~50 ms on a large window).
     */
    private final IntegerProperty shownVersion = new SimpleIntegerProperty(this, "shownVersion");
    private boolean rebuilding;
    private long lastRefresh;
    private final PauseTransition heldBack = new PauseTransition();

    @FXML private BorderPane root;
    @FXML private Label shapeLabel;
    @FXML private Label progressLabel;
    @FXML private TextField patternField;
    @FXML private ChoiceBox<String> typeChoice;
    @FXML private Button applyButton;
    @FXML private SegmentedButton modeButtons;
    @FXML private ToggleButton treeButton;
    @FXML private ToggleButton listButton;
    @FXML private Button loadMoreButton;
    @FXML private Button stopButton;
    @FXML private Label loadingIndicator;
    @FXML private Label errorBanner;
    @FXML private TreeTableView<KeyTree.Node> keyTree;
    @FXML private TreeTableColumn<KeyTree.Node, String> treeNameColumn;
    @FXML private TreeTableColumn<KeyTree.Node, String> treeTypeColumn;
    @FXML private TreeTableColumn<KeyTree.Node, String> treeTtlColumn;
    @FXML private TreeTableColumn<KeyTree.Node, String> treeMemoryColumn;
    @FXML private TreeTableColumn<KeyTree.Node, String> treeEncodingColumn;
    @FXML private TreeTableColumn<KeyTree.Node, String> treeClassColumn;
    @FXML private TableView<KeyInfo> keyTable;
    @FXML private TableColumn<KeyInfo, String> nameColumn;
    @FXML private TableColumn<KeyInfo, String> typeColumn;
    @FXML private TableColumn<KeyInfo, String> ttlColumn;
    @FXML private TableColumn<KeyInfo, String> memoryColumn;
    @FXML private TableColumn<KeyInfo, String> encodingColumn;
    @FXML private TableColumn<KeyInfo, String> classColumn;
    @FXML private StackPane valueHolder;

    public KeysView(KeysViewModel model, ViewLoader loader, Messages messages) {
        this.model = model;
        this.loader = loader;
        this.messages = messages;
    }

    @FXML
    private void initialize() {
        bindListing();
        bindTree();
        bindTable();
        bindValue();
    }

    private void bindListing() {
        shapeLabel.textProperty().bind(model.shapeProperty());
        progressLabel.textProperty().bind(model.progressProperty());
        patternField.textProperty().bindBidirectional(model.patternProperty());
        patternField.setPromptText(messages.get("keys.patternPrompt"));
        typeChoice.getItems().setAll(KeysViewModel.TYPE_CHOICES);
        typeChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String type) {
                return type == null || type.isEmpty() ? messages.get("keys.anyType") : type;
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        typeChoice.valueProperty().bindBidirectional(model.typeProperty());
        typeChoice.valueProperty().addListener((obs, was, is) -> model.apply());
        errorBanner.textProperty().bind(model.messageProperty());
        errorBanner.visibleProperty().bind(model.messageProperty().isNotNull());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        loadingIndicator.visibleProperty().bind(model.loadingProperty());
        stopButton.disableProperty().bind(model.loadingProperty().not());
        loadMoreButton.disableProperty().bind(model.canLoadMoreProperty().not().or(model.loadingProperty()));
        treeButton.setSelected(model.treeModeProperty().get());
        listButton.setSelected(!model.treeModeProperty().get());
        modeButtons.getToggleGroup().selectedToggleProperty().addListener((obs, was, is) -> {
            if (is == null && was != null) {
                was.setSelected(true); // one side is always selected
            }
        });
        model.treeModeProperty().bind(treeButton.selectedProperty());
        keyTree.visibleProperty().bind(model.treeModeProperty());
        keyTable.visibleProperty().bind(model.treeModeProperty().not());
        // the hidden one is not laid out while pages arrive
        keyTree.managedProperty().bind(keyTree.visibleProperty());
        keyTable.managedProperty().bind(keyTable.visibleProperty());
        // batches of classes arrive several times a second while a scan runs: the cells at most once a second, and
        // when the last one is in
        model.classesVersionProperty().addListener((obs, was, is) -> updateShown(!model.classifying()));
    }

    private void bindTree() {
        heldBack.setOnFinished(e -> updateShown(true));
        ShownCells.tree(treeNameColumn, shownVersion, node -> node.isGroup()
                ? messages.format("keys.group", node.segment(), node.keyCount()) : node.segment());
        ShownCells.tree(treeTypeColumn, shownVersion, keyColumn(KeyInfo::type));
        ShownCells.tree(treeTtlColumn, shownVersion, keyColumn(k -> KeyFormat.ttl(k.ttlMillis())));
        ShownCells.tree(treeMemoryColumn, shownVersion, node -> KeyFormat.bytes(node.memoryBytes()));
        ShownCells.tree(treeEncodingColumn, shownVersion, keyColumn(KeyFormat::encoding));
        ShownCells.tree(treeClassColumn, shownVersion, keyColumn(this::keyClass));
        treeClassColumn.setVisible(model.classifies());
        model.treeVersionProperty().addListener((obs, was, is) -> rebuildTree());
        keyTree.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (!rebuilding && is != null && is.getValue().key() != null) {
                model.selectedProperty().set(is.getValue().key());
            }
        });
        rebuildTree();
    }

    private void bindTable() {
        // the list listens to the keys only while it shows: a hidden one would follow every page for nothing
        ObservableList<KeyInfo> none = FXCollections.emptyObservableList();
        model.treeModeProperty().addListener((obs, was, tree) -> keyTable.setItems(tree ? none : model.keys()));
        keyTable.setItems(model.treeModeProperty().get() ? none : model.keys());
        ShownCells.table(nameColumn, shownVersion, k -> k.name().text());
        ShownCells.table(typeColumn, shownVersion, KeyInfo::type);
        ShownCells.table(ttlColumn, shownVersion, k -> KeyFormat.ttl(k.ttlMillis()));
        ShownCells.table(memoryColumn, shownVersion, k -> KeyFormat.bytes(k.memoryBytes()));
        ShownCells.table(encodingColumn, shownVersion, KeyFormat::encoding);
        ShownCells.table(classColumn, shownVersion, this::keyClass);
        classColumn.setVisible(model.classifies());
        keyTable.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                model.selectedProperty().set(is);
            }
        });
        keyTable.setPlaceholder(new Label(messages.get("keys.empty")));
        keyTree.setPlaceholder(new Label(messages.get("keys.empty")));
    }

    private void bindValue() {
        var pane = loader.load(KeysView.class, "KeyValue.fxml", new KeyValueView(model.value(), model.actions(), loader,
                messages));
        valueHolder.getChildren().add(pane.root());
    }

    /**
     * A new listing gets a new root (its chain of single groups open); a page more only updates the open groups
     * that gained keys, and the counts and sizes shown.
     */
    private void rebuildTree() {
        TreeItem<KeyTree.Node> shown = keyTree.getRoot();
        rebuilding = true;
        try {
            if (shown == null || shown.getValue() != model.tree().root()) {
                keyTree.setRoot(KeyTreeItem.rootOf(model.tree().root()));
                return;
            }
            boolean wasEmpty = ((KeyTreeItem) shown).showsNoChildren();
            KeyTreeItem.syncOpen(shown);
            if (wasEmpty) {
                KeyTreeItem.openSingleGroups(shown);
            }
            // counts and sizes of the groups on screen, not on every page
            updateShown(!model.canLoadMoreProperty().get());
        } finally {
            rebuilding = false;
        }
    }

    /**
     * Brings the cells on screen up to date, at most once a {@link #REFRESH_NANOS} unless {@code now}; a change held
     * back shows when that time is up.
     */
    private void updateShown(boolean now) {
        long time = System.nanoTime();
        if (now || time - lastRefresh > REFRESH_NANOS) {
            lastRefresh = time;
            heldBack.stop();
            shownVersion.set(shownVersion.get() + 1);
        } else if (heldBack.getStatus() != Animation.Status.RUNNING) {
            heldBack.setDuration(Duration.millis((REFRESH_NANOS - (time - lastRefresh)) / 1e6));
            heldBack.playFromStart();
        }
    }

    private String keyClass(KeyInfo key) {
        String found = model.classes().get(key.name());
        return found == null ? "" : found;
    }

    private static Function<KeyTree.Node, String> keyColumn(Function<KeyInfo, String> value) {
        return node -> node.key() == null ? "" : value.apply(node.key());
    }

    @FXML
    private void apply() {
        model.apply();
    }

    @FXML
    private void loadMore() {
        model.loadMore();
    }

    @Override
    public void focusFilter() {
        patternField.requestFocus();
    }

    @Override
    public void refresh() {
        model.refresh();
    }

    @Override
    public void openSelected() {
        model.loadMore();
    }

    @FXML
    @Override
    public void cancelLoad() {
        model.cancel();
    }

    @Override
    public void setShowing(boolean showing) {
        model.setShowing(showing);
    }

    public BorderPane root() {
        return root;
    }

    public TreeTableView<KeyTree.Node> keyTree() {
        return keyTree;
    }

    public TableView<KeyInfo> keyTable() {
        return keyTable;
    }

}
