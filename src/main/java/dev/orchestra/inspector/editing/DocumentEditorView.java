package dev.orchestra.inspector.editing;

import dev.orchestra.inspector.common.DialogService;
import dev.orchestra.inspector.common.Icons;
import dev.orchestra.inspector.common.JsonNotation;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.glyphfont.FontAwesome;

/** Binds a {@link DocumentEditorViewModel}; shows the conflict dialog when the model reports one. */
public class DocumentEditorView {
    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final DocumentEditorViewModel model;
    private final ConflictPresenter conflicts;
    private final Runnable closeWindow;
    private final DialogService dialogs;

    @FXML private BorderPane root;
    @FXML private Label titleLabel;
    @FXML private Label modeBadge;
    @FXML private Label statusLabel;
    @FXML private Label errorBanner;
    @FXML private GridPane form;
    @FXML private SegmentedButton notationButtons;
    @FXML private ToggleButton readableButton;
    @FXML private ToggleButton canonicalButton;
    @FXML private TextArea jsonArea;
    @FXML private HBox jsonErrorBox;
    @FXML private Label jsonErrorLabel;
    @FXML private Hyperlink showErrorLink;
    @FXML private VBox problemsBox;
    @FXML private Label dirtyLabel;
    @FXML private Label savingIndicator;
    @FXML private Button closeButton;
    @FXML private Button saveButton;

    /** Shows a conflict (a dialog in the app); the dialog calls back into the model. */
    @FunctionalInterface
    public interface ConflictPresenter {
        void show(DocumentEditorViewModel model);
    }

    /** @param dialogs shows a failed save's technical details when asked */
    public DocumentEditorView(DocumentEditorViewModel model, ConflictPresenter conflicts, Runnable closeWindow,
                              DialogService dialogs) {
        this.model = model;
        this.conflicts = conflicts;
        this.closeWindow = closeWindow;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(model.titleProperty());
        modeBadge.textProperty().bind(Bindings.createStringBinding(() ->
                model.modeProperty().get() == DocumentEditorViewModel.Mode.EDIT ? "EDIT" : "NEW", model.modeProperty()));
        statusLabel.textProperty().bind(model.statusProperty());
        errorBanner.textProperty().bind(model.errorProperty());
        errorBanner.visibleProperty().bind(model.errorProperty().isNotNull());
        errorBanner.managedProperty().bind(errorBanner.visibleProperty());
        Hyperlink details = new Hyperlink("Details…");
        details.setId("error-details");
        details.visibleProperty().bind(model.errorDetailsProperty().isNotNull());
        details.setOnAction(e -> dialogs.showError("Not saved", model.failure()));
        errorBanner.setGraphic(details);
        errorBanner.setContentDisplay(ContentDisplay.RIGHT);

        buildForm();
        bindNotation();
        jsonArea.textProperty().bindBidirectional(model.content().jsonProperty());
        jsonArea.pseudoClassStateChanged(INVALID, model.content().jsonErrorProperty().get() != null);
        model.content().jsonErrorProperty().addListener((obs, was, is) -> jsonArea.pseudoClassStateChanged(INVALID, is != null));
        jsonErrorLabel.textProperty().bind(model.content().jsonErrorProperty());
        jsonErrorLabel.setGraphic(Icons.glyph(FontAwesome.Glyph.EXCLAMATION_TRIANGLE, "error-icon"));
        jsonErrorBox.visibleProperty().bind(model.content().jsonErrorProperty().isNotNull());
        jsonErrorBox.managedProperty().bind(jsonErrorBox.visibleProperty());

        model.content().problems().addListener((ListChangeListener<String>) c -> rebuildProblems());
        model.content().warnings().addListener((ListChangeListener<String>) c -> rebuildProblems());
        rebuildProblems();
        dirtyLabel.visibleProperty().bind(model.content().dirtyProperty());
        savingIndicator.visibleProperty().bind(model.savingProperty());
        saveButton.disableProperty().bind(model.canSaveProperty().not());
        saveButton.setGraphic(Icons.glyph(FontAwesome.Glyph.SAVE));
        saveButton.textProperty().bind(Bindings.createStringBinding(() ->
                model.modeProperty().get() == DocumentEditorViewModel.Mode.EDIT ? "Save" : "Insert",
                model.modeProperty()));
        model.conflictProperty().addListener((obs, was, is) -> {
            if (is != null) {
                conflicts.show(model);
            }
        });
    }

    private void buildForm() {
        int row = 0;
        for (FormField field : model.content().fields()) {
            Label name = new Label(field.name() + (field.required() ? " *" : ""));
            name.getStyleClass().add("form-label");
            name.setMinWidth(Region.USE_PREF_SIZE); // never "…" for a field name
            TextInputControl input = field.kind() == FormField.Kind.LONG_TEXT ? longText() : new TextField();
            input.setId("field-" + field.name());
            input.textProperty().bindBidirectional(field.textProperty());
            if (field.kind() == FormField.Kind.DATE) {
                input.setPromptText("2024-06-01T12:00:00Z");
            }
            Label error = new Label();
            error.getStyleClass().add("field-error");
            error.setWrapText(true);
            error.textProperty().bind(field.errorProperty());
            error.visibleProperty().bind(field.errorProperty().isNotNull());
            error.managedProperty().bind(error.visibleProperty());
            input.pseudoClassStateChanged(INVALID, field.hasError());
            field.errorProperty().addListener((obs, was, is) -> {
                input.pseudoClassStateChanged(INVALID, is != null);
                input.setTooltip(is == null ? null : new Tooltip(is));
            });
            GridPane.setHgrow(input, Priority.ALWAYS);
            form.add(name, 0, row);
            form.add(input, 1, row++);
            form.add(error, 1, row++);
        }
    }

    /** Readable or canonical; the model refuses to switch while the text does not parse, and the toggle follows. */
    private void bindNotation() {
        readableButton.setUserData(JsonNotation.READABLE);
        canonicalButton.setUserData(JsonNotation.CANONICAL);
        readableButton.setTooltip(new Tooltip("Shell syntax: ISODate(\"…\"), NumberLong(…), NumberDecimal(\"…\"), "
                + "ObjectId(\"…\"), UUID(\"…\"); Int32 is a plain integer, a Double always has a decimal point"));
        canonicalButton.setTooltip(new Tooltip("Canonical Extended JSON: every BSON type spelled out "
                + "({\"$numberLong\": \"…\"}); saves exactly the same document"));
        ToggleGroup group = notationButtons.getToggleGroup();
        Runnable showModel = () -> (model.content().notationProperty().get() == JsonNotation.CANONICAL
                ? canonicalButton : readableButton).setSelected(true);
        showModel.run();
        group.selectedToggleProperty().addListener((obs, was, is) -> {
            if (is == null) {
                showModel.run();
            } else if (!model.switchNotation((JsonNotation) is.getUserData())) {
                showModel.run();
            }
        });
        model.content().notationProperty().addListener((obs, was, is) -> showModel.run());
    }

    private static TextArea longText() {
        TextArea area = new TextArea();
        area.setWrapText(true);
        area.setPrefRowCount(5);
        return area;
    }

    private void rebuildProblems() {
        problemsBox.getChildren().clear();
        for (String problem : model.content().problems()) {
            Label label = new Label(problem, Icons.glyph(FontAwesome.Glyph.EXCLAMATION_TRIANGLE, "warn-icon"));
            label.getStyleClass().add("editor-problem");
            label.setWrapText(true);
            problemsBox.getChildren().add(label);
        }
        for (String warning : model.content().warnings()) {
            Label label = new Label(warning, Icons.glyph(FontAwesome.Glyph.INFO_CIRCLE, "info-icon"));
            label.getStyleClass().add("editor-warning");
            label.setWrapText(true);
            problemsBox.getChildren().add(label);
        }
        problemsBox.setVisible(!problemsBox.getChildren().isEmpty());
        problemsBox.setManaged(problemsBox.isVisible());
    }

    /** Puts the caret on the line of the syntax error and selects it. */
    @FXML
    private void showErrorLine() {
        int line = model.content().jsonErrorLineProperty().get();
        String text = jsonArea.getText();
        int start = 0;
        for (int i = 1; i < line && start >= 0; i++) {
            start = text.indexOf('\n', start) + 1;
            if (start == 0) {
                start = -1;
            }
        }
        if (start < 0) {
            return;
        }
        int end = text.indexOf('\n', start);
        jsonArea.requestFocus();
        jsonArea.selectRange(start, end < 0 ? text.length() : end);
    }

    @FXML
    private void save() {
        model.save();
    }

    @FXML
    private void close() {
        closeWindow.run();
    }

    public BorderPane root() {
        return root;
    }

    public TextArea jsonArea() {
        return jsonArea;
    }
}
