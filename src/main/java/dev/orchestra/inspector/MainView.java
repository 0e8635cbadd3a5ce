package dev.orchestra.inspector;

import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.inspector.common.FeatureView;
import dev.orchestra.inspector.common.Icons;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.common.ViewLoader;
import dev.orchestra.inspector.status.StatusBarView;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.controlsfx.glyphfont.FontAwesome;

/** The main window: navigation, the current feature view, the connection overlay, menus and shortcuts. */
public class MainView {
    private final MainViewModel model;
    private final ViewLoader loader;
    private final Messages messages;
    private final SecretDisplay secrets;
    private final BiConsumer<Section, FeatureView> featureLoaded;
    private final Map<Section, Parent> roots = new EnumMap<>(Section.class);
    private final Map<Section, FeatureView> views = new EnumMap<>(Section.class);
    private StatusBarView statusBarView;

    @FXML private BorderPane root;
    @FXML private CheckMenuItem darkThemeItem;
    @FXML private CheckMenuItem revealItem;
    @FXML private Menu viewMenu;
    @FXML private MenuItem exportItem;
    @FXML private MenuItem importItem;
    @FXML private Label environmentBadge;
    @FXML private Label targetLabel;
    @FXML private Button connectionButton;
    @FXML private ComboBox<String> databaseBox;
    @FXML private Label secretsBadge;
    @FXML private ListView<Section> navList;
    @FXML private StackPane content;
    @FXML private VBox connectionOverlay;
    @FXML private Label connectionIcon;
    @FXML private Label connectionMessage;
    @FXML private Button retryButton;

    /** @param featureLoaded called once per feature view, right after it is built (to add actions to it) */
    public MainView(MainViewModel model, ViewLoader loader, Messages messages, SecretDisplay secrets,
                    BiConsumer<Section, FeatureView> featureLoaded) {
        this.model = model;
        this.featureLoaded = featureLoaded;
        this.loader = loader;
        this.messages = messages;
        this.secrets = secrets;
    }

    @FXML
    private void initialize() {
        ViewLoader.Loaded<StatusBarView> status = loader.load(MainView.class, "status/StatusBar.fxml");
        statusBarView = status.controller();
        root.setBottom(status.root());

        setUpNavigation();
        setUpHeader();
        setUpConnectionOverlay();
        darkThemeItem.selectedProperty().bindBidirectional(model.darkThemeProperty());
        revealItem.selectedProperty().bindBidirectional(secrets.revealedProperty());
        model.darkThemeProperty().addListener((obs, was, is) -> applyTheme(is));
        root.sceneProperty().addListener((obs, was, scene) -> {
            if (scene != null) {
                scene.addEventFilter(KeyEvent.KEY_PRESSED, this::handleShortcut);
            }
        });
    }

    /**
     * Esc, F5 and Ctrl+F work wherever the focus is (a table or a text field would otherwise swallow them); the
     * menu shows the same shortcuts.
     */
    private void handleShortcut(KeyEvent e) {
        if (e.getCode() == KeyCode.ESCAPE) {
            current().cancelLoad();
            e.consume();
        } else if (e.getCode() == KeyCode.F5) {
            current().refresh();
            e.consume();
        } else if (e.getCode() == KeyCode.F && e.isShortcutDown()) {
            current().focusFilter();
            e.consume();
        }
    }

    /**
     * Feature views are built the first time they are shown: building all six at start-up cost a second of FX
     * thread time before the first page could be drawn (measured by the GUI benchmark's launch probe).
     */
    private FeatureView ensureLoaded(Section section) {
        FeatureView view = views.get(section);
        if (view != null) {
            return view;
        }
        ViewLoader.Loaded<FeatureView> loaded = loader.load(MainView.class,
                Sections.of(section).fxml());
        roots.put(section, loaded.root());
        views.put(section, loaded.controller());
        content.getChildren().add(content.getChildren().size() - 1, loaded.root()); // under the connection overlay
        featureLoaded.accept(section, loaded.controller());
        return loaded.controller();
    }

    private void setUpNavigation() {
        navList.getItems().setAll(Sections.all().stream().map(Sections.Definition::id).toList());
        navList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Section s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Sections.Definition section = Sections.of(s);
                setText(messages.get(section.titleKey()));
                setGraphic(Icons.glyph(section.icon(), "nav-icon"));
            }
        });
        List<MenuItem> showItems = Sections.byShortcut().stream().map(section -> {
            MenuItem item = new MenuItem(messages.get(section.titleKey()));
            item.setAccelerator(section.shortcut());
            item.setOnAction(e -> model.sectionProperty().set(section.id()));
            return item;
        }).toList();
        viewMenu.getItems().addAll(0, showItems);
        navList.getSelectionModel().selectedItemProperty().addListener((obs, was, is) -> {
            if (is != null) {
                model.sectionProperty().set(is);
            }
        });
        model.sectionProperty().addListener((obs, was, is) -> show(was, is));
        navList.getSelectionModel().select(model.sectionProperty().get());
        show(null, model.sectionProperty().get());
    }

    private void show(Section previous, Section next) {
        navList.getSelectionModel().select(next);
        ensureLoaded(next);
        roots.forEach((s, node) -> node.setVisible(s == next));
        if (previous != null && previous != next && views.containsKey(previous)) {
            views.get(previous).setShowing(false);
        }
        views.get(next).setShowing(true);
    }

    private void setUpHeader() {
        StoreDescription d = model.description();
        environmentBadge.setText(d.production() ? "PRODUCTION" : d.environment());
        environmentBadge.getStyleClass().add(d.production() ? "env-production" : "env-" + d.environment());
        targetLabel.setText(d.mongo() + "  ·  " + d.redis());
        connectionButton.setText(model.connectionName() == null ? messages.get("menu.connect")
                : model.connectionName());
        connectionButton.setGraphic(Icons.glyph(FontAwesome.Glyph.EXCHANGE));
        databaseBox.setItems(model.databases());
        databaseBox.setValue(d.database());
        databaseBox.setOnShowing(e -> model.loadDatabases());
        // new items clear the combo box's value; the database shown stays the one open
        model.databases().addListener((ListChangeListener<String>) change -> {
            if (databaseBox.getValue() == null || databaseBox.getValue().isBlank()) {
                databaseBox.setValue(d.database());
            }
        });
        databaseBox.setOnAction(e -> {
            model.switchDatabase(databaseBox.getValue());
            // still here (stayed for unsaved edits): the picker shows the database open again; a refused name stays
            if (model.databaseProblemProperty().get() == null) {
                databaseBox.setValue(d.database());
            }
        });
        // a refused name stays typed, with the one-line reason as the picker's tooltip
        Tooltip refused = new Tooltip();
        refused.textProperty().bind(model.databaseProblemProperty());
        databaseBox.tooltipProperty().bind(Bindings.when(model.databaseProblemProperty().isNull())
                .then((Tooltip) null).otherwise(refused));
        secretsBadge.textProperty().bind(Bindings.when(secrets.revealedProperty())
                .then(messages.get("main.secretsRevealed")).otherwise(""));
        secretsBadge.visibleProperty().bind(secrets.revealedProperty());
        secretsBadge.setGraphic(Icons.glyph(FontAwesome.Glyph.UNLOCK));
    }

    private void setUpConnectionOverlay() {
        StoreConnection store = model.store();
        connectionOverlay.visibleProperty().bind(store.stateProperty().isNotEqualTo(StoreConnection.State.CONNECTED));
        ConnectingSpinner.addWhenSlow(store, connectionOverlay);
        connectionIcon.setGraphic(Icons.glyph(FontAwesome.Glyph.PLUG, "connection-failed-icon").size(44));
        connectionIcon.visibleProperty().bind(store.stateProperty().isEqualTo(StoreConnection.State.FAILED));
        connectionIcon.managedProperty().bind(connectionIcon.visibleProperty());
        retryButton.visibleProperty().bind(store.stateProperty().isEqualTo(StoreConnection.State.FAILED));
        retryButton.managedProperty().bind(retryButton.visibleProperty());
        connectionMessage.textProperty().bind(model.connectionMessageProperty());
    }

    private void applyTheme(boolean dark) {
        if (root.getScene() == null) {
            return;
        }
        var classes = root.getScene().getRoot().getStyleClass();
        if (dark && !classes.contains("dark")) {
            classes.add("dark");
        } else if (!dark) {
            classes.remove("dark");
        }
    }

    private FeatureView current() {
        return views.get(model.sectionProperty().get());
    }

    @FXML
    private void openConnect() {
        model.openConnectDialog();
    }

    @FXML
    private void reconnect() {
        model.retryConnection();
    }

    @FXML
    private void quit() {
        Platform.exit();
    }

    @FXML
    private void refresh() {
        current().refresh();
    }

    @FXML
    private void focusFilter() {
        current().focusFilter();
    }

    @FXML
    private void cancelLoad() {
        current().cancelLoad();
    }

    @FXML
    private void showShortcuts() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, messages.get("shortcuts.text"));
        alert.setTitle(messages.get("menu.shortcuts"));
        alert.setHeaderText(messages.get("menu.shortcuts"));
        alert.initOwner(root.getScene().getWindow());
        alert.getDialogPane().getStylesheets().setAll(root.getScene().getStylesheets());
        alert.showAndWait();
    }

    /** File → Export… and Import…; disabled until the store is connected, since both need an open store. */
    public void installTransfer(Runnable openExport, Runnable openImport) {
        var notConnected = model.store().stateProperty().isNotEqualTo(StoreConnection.State.CONNECTED);
        exportItem.setOnAction(e -> openExport.run());
        importItem.setOnAction(e -> openImport.run());
        exportItem.disableProperty().bind(notConnected);
        importItem.disableProperty().bind(notConnected);
    }

    public BorderPane root() {
        return root;
    }

    /** The root node of a feature view, built now if it was not yet (for scoped lookups in UI tests). */
    public Parent featureRoot(Section section) {
        ensureLoaded(section);
        return roots.get(section);
    }

    /** A feature view, built now if it was not yet shown. */
    public FeatureView view(Section section) {
        return ensureLoaded(section);
    }

    public StatusBarView statusBar() {
        return statusBarView;
    }

    public void stop() {
        if (statusBarView != null) {
            statusBarView.stop();
        }
        views.values().forEach(v -> v.setShowing(false));
    }
}
