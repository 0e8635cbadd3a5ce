package dev.orchestra.inspector.connections;

import dev.orchestra.connections.SavedConnection;
import dev.orchestra.storage.config.AppEnvironment;
import dev.orchestra.storage.config.RedisMode;
import java.io.File;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.Property;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/** The Connect dialog (FXML controller): binds the list, the form and the buttons to {@link ConnectViewModel}. */
public final class ConnectView {
    private final ConnectViewModel model;

    @FXML private BorderPane root;
    @FXML private ListView<ConnectionEntry> connectionList;
    @FXML private Button newButton;
    @FXML private Button importButton;
    @FXML private Button exportButton;
    @FXML private VBox formBox;
    @FXML private TextField nameField;
    @FXML private ColorPicker labelPicker;
    @FXML private ComboBox<AppEnvironment> environmentBox;
    @FXML private CheckBox readOnlyCheck;
    @FXML private TextField uriField;
    @FXML private TextField mongoHostField;
    @FXML private TextField mongoPortField;
    @FXML private TextField mongoUserField;
    @FXML private TextField mongoAuthField;
    @FXML private PasswordField mongoPasswordField;
    @FXML private CheckBox mongoTlsCheck;
    @FXML private ComboBox<String> databaseBox;
    @FXML private ComboBox<String> readPreferenceBox;
    @FXML private Label uriProblemLabel;
    @FXML private ComboBox<RedisMode> redisModeBox;
    @FXML private CheckBox redisTlsCheck;
    @FXML private TextField redisHostField;
    @FXML private TextField redisPortField;
    @FXML private TextField redisServersField;
    @FXML private TextField redisMasterField;
    @FXML private TextField redisUserField;
    @FXML private TextField redisPrefixField;
    @FXML private PasswordField redisPasswordField;
    @FXML private CheckBox redisVerifyHostCheck;
    @FXML private TextField redisCaField;
    @FXML private TextField redisCertField;
    @FXML private TextField redisKeyField;
    @FXML private TextField sentinelUserField;
    @FXML private PasswordField sentinelPasswordField;
    @FXML private TextField sshHostField;
    @FXML private TextField sshPortField;
    @FXML private TextField sshUserField;
    @FXML private TextField sshKeyField;
    @FXML private PasswordField sshPassphraseField;
    @FXML private PasswordField sshPasswordField;
    @FXML private CheckBox savePasswordCheck;
    @FXML private Label mongoCheckLabel;
    @FXML private Label redisCheckLabel;
    @FXML private Label messageLabel;
    @FXML private Button deleteButton;
    @FXML private Button testButton;
    @FXML private Button saveButton;
    @FXML private Button connectButton;

    public ConnectView(ConnectViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        connectionList.setItems(model.entries());
        connectionList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionEntry entry, boolean empty) {
                super.updateItem(entry, empty);
                setText(empty || entry == null ? null : entry.display());
                setStyle(empty || entry == null || entry.isFromEnvironment() || entry.saved().label() == null ? null
                        : "-fx-border-color: transparent transparent transparent " + entry.saved().label()
                        + "; -fx-border-width: 0 0 0 5;");
            }
        });
        connectionList.getSelectionModel().select(model.selectedProperty().get());
        connectionList.getSelectionModel().selectedItemProperty().addListener((o, old, entry) -> {
            if (entry != null) {
                model.selectedProperty().set(entry);
            }
        });
        model.selectedProperty().addListener((o, old, entry) -> connectionList.getSelectionModel().select(entry));
        bindForm(model.form());
        bindButtons();
    }

    private void bindForm(ConnectionForm form) {
        bindText(nameField, form.name);
        bindColour(form.label);
        environmentBox.getItems().setAll(List.of(AppEnvironment.DEVELOPMENT, AppEnvironment.STAGING,
                AppEnvironment.PRODUCTION));
        environmentBox.setConverter(wireNames(AppEnvironment::wireName, AppEnvironment::parse));
        environmentBox.valueProperty().bindBidirectional(form.environment);
        readOnlyCheck.selectedProperty().bindBidirectional(form.readOnly);
        bindText(uriField, form.mongoUri);
        bindText(mongoHostField, form.mongoHost);
        bindText(mongoPortField, form.mongoPort);
        bindText(mongoUserField, form.mongoUser);
        bindText(mongoAuthField, form.mongoAuthDatabase);
        bindText(mongoPasswordField, form.mongoPassword);
        mongoTlsCheck.selectedProperty().bindBidirectional(form.mongoTls);
        databaseBox.setItems(model.databases());
        databaseBox.valueProperty().bindBidirectional(form.database);
        readPreferenceBox.getItems().setAll(SavedConnection.READ_PREFERENCES);
        readPreferenceBox.valueProperty().bindBidirectional(form.readPreference);
        uriProblemLabel.textProperty().bind(form.uriProblem);
        redisModeBox.getItems().setAll(RedisMode.values());
        redisModeBox.setConverter(wireNames(RedisMode::wireName,
                s -> RedisMode.valueOf(s.toUpperCase(Locale.ROOT))));
        redisModeBox.valueProperty().bindBidirectional(form.redisMode);
        redisTlsCheck.selectedProperty().bindBidirectional(form.redisTls);
        bindText(redisHostField, form.redisHost);
        bindText(redisPortField, form.redisPort);
        bindText(redisServersField, form.redisServers);
        bindText(redisMasterField, form.redisMasterName);
        bindText(redisUserField, form.redisUser);
        bindText(redisPrefixField, form.redisKeyPrefix);
        bindText(redisPasswordField, form.redisPassword);
        redisVerifyHostCheck.selectedProperty().bindBidirectional(form.redisVerifyHost);
        bindText(redisCaField, form.redisCaFile);
        bindText(redisCertField, form.redisCertFile);
        bindText(redisKeyField, form.redisKeyFile);
        bindText(sentinelUserField, form.sentinelUser);
        bindText(sentinelPasswordField, form.sentinelPassword);
        for (Node tlsField : List.of(redisVerifyHostCheck, redisCaField, redisCertField, redisKeyField)) {
            tlsField.disableProperty().bind(form.redisTls.not());
        }
        for (Node sentinelField : List.of(sentinelUserField, sentinelPasswordField)) {
            sentinelField.disableProperty().bind(form.redisMode.isNotEqualTo(RedisMode.SENTINEL));
        }
        var standalone = form.redisMode.isEqualTo(RedisMode.STANDALONE);
        redisHostField.disableProperty().bind(standalone.not());
        redisPortField.disableProperty().bind(standalone.not());
        redisServersField.disableProperty().bind(standalone);
        redisMasterField.disableProperty().bind(form.redisMode.isNotEqualTo(RedisMode.SENTINEL));
        bindText(sshHostField, form.sshHost);
        bindText(sshPortField, form.sshPort);
        bindText(sshUserField, form.sshUser);
        bindText(sshKeyField, form.sshKeyFile);
        bindText(sshPassphraseField, form.sshPassphrase);
        bindText(sshPasswordField, form.sshPassword);
        savePasswordCheck.selectedProperty().bindBidirectional(form.savePassword);
        formBox.disableProperty().bind(model.editableProperty().not());
    }

    private void bindButtons() {
        newButton.setOnAction(e -> model.newConnection());
        saveButton.setOnAction(e -> model.save());
        saveButton.disableProperty().bind(model.editableProperty().not());
        deleteButton.setOnAction(e -> model.delete());
        deleteButton.disableProperty().bind(Bindings.createBooleanBinding(() -> model.selectedProperty().get() == null
                || model.selectedProperty().get().isFromEnvironment(), model.selectedProperty()));
        testButton.setOnAction(e -> model.testConnection());
        testButton.disableProperty().bind(model.testCommand().runningProperty());
        connectButton.setOnAction(e -> model.connect());
        importButton.setOnAction(e -> chooseFile(false));
        exportButton.setOnAction(e -> chooseFile(true));
        mongoCheckLabel.textProperty().bind(model.mongoCheckProperty());
        redisCheckLabel.textProperty().bind(model.redisCheckProperty());
        colourByOutcome(mongoCheckLabel, model.mongoOkProperty());
        colourByOutcome(redisCheckLabel, model.redisOkProperty());
        messageLabel.textProperty().bind(model.messageProperty());
    }

    private void chooseFile(boolean export) {
        FileChooser chooser = new FileChooser();
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Connections (JSON)", "*.json"));
        chooser.setInitialFileName("connections-export.json");
        File file = export ? chooser.showSaveDialog(root.getScene().getWindow())
                : chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            if (export) {
                model.exportTo(file.toPath());
            } else {
                model.importFrom(file.toPath());
            }
        }
    }

    private static void colourByOutcome(Label label, ObservableValue<Boolean> ok) {
        ok.addListener((o, old, now) -> {
            label.getStyleClass().removeAll("check-ok", "check-failed");
            if (now != null) {
                label.getStyleClass().add(now ? "check-ok" : "check-failed");
            }
        });
    }

    private void bindColour(StringProperty label) {
        labelPicker.setValue(toColour(label.get()));
        label.addListener((o, old, now) -> labelPicker.setValue(toColour(now)));
        labelPicker.valueProperty().addListener((o, old, colour) -> {
            String web = colour == null || colour.equals(Color.WHITE) ? "" : String.format("#%02x%02x%02x",
                    Math.round(colour.getRed() * 255), Math.round(colour.getGreen() * 255),
                    Math.round(colour.getBlue() * 255));
            if (!web.equalsIgnoreCase(label.get())) {
                label.set(web);
            }
        });
    }

    private static Color toColour(String web) {
        try {
            return web == null || web.isBlank() ? Color.WHITE : Color.web(web);
        } catch (IllegalArgumentException e) {
            return Color.WHITE;
        }
    }

    private static void bindText(TextField field, Property<String> property) {
        field.textProperty().bindBidirectional(property);
    }

    private static <T> StringConverter<T> wireNames(Function<T, String> name,
                                                    Function<String, T> parse) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : name.apply(value);
            }

            @Override
            public T fromString(String text) {
                return parse.apply(text);
            }
        };
    }

    public Node root() {
        return root;
    }
}
