package dev.orchestra.inspector.sessions;

import dev.orchestra.inspector.common.ExtendedJson;
import dev.orchestra.inspector.common.Icons;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.TimeFormat;
import javafx.beans.binding.DoubleExpression;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.bson.BsonDocument;
import org.controlsfx.glyphfont.FontAwesome;

/** Builds the chat bubbles of a transcript; pure view code, driven by {@link ChatMessage}s. */
final class TranscriptRenderer {
    /** Longer texts are folded to this many characters until "show more". */
    static final int FOLD_CHARS = 600;

    private final Messages messages;
    private final DoubleExpression availableWidth;

    TranscriptRenderer(Messages messages, DoubleExpression availableWidth) {
        this.messages = messages;
        this.availableWidth = availableWidth;
    }

    Node render(ChatMessage message, boolean revealSecrets) {
        return switch (message.role()) {
            case USER -> aligned(bubble(message, "bubble-user", FontAwesome.Glyph.USER), Pos.CENTER_RIGHT);
            case ASSISTANT -> aligned(bubble(message, "bubble-assistant", FontAwesome.Glyph.LIGHTBULB_ALT),
                    Pos.CENTER_LEFT);
            case SYSTEM -> aligned(bubble(message, "bubble-system", FontAwesome.Glyph.COG), Pos.CENTER);
            case TOOL -> aligned(tool(message, revealSecrets), Pos.CENTER_LEFT);
            case NOTE -> aligned(bubble(message, "bubble-note", FontAwesome.Glyph.FILE_TEXT_ALT), Pos.CENTER);
        };
    }

    private HBox aligned(Region bubble, Pos pos) {
        HBox line = new HBox(bubble);
        line.setAlignment(pos);
        bubble.maxWidthProperty().bind(availableWidth.multiply(message(pos) ? 0.78 : 0.9));
        return line;
    }

    private static boolean message(Pos pos) {
        return pos != Pos.CENTER;
    }

    private VBox bubble(ChatMessage message, String styleClass, FontAwesome.Glyph icon) {
        VBox bubble = new VBox(4, header(message, icon), message.textIsNull() ? nullText() : body(message.text()));
        bubble.getStyleClass().addAll("bubble", styleClass);
        bubble.setUserData(message);
        return bubble;
    }

    private HBox header(ChatMessage message, FontAwesome.Glyph icon) {
        Label role = new Label(roleName(message), Icons.glyph(icon));
        role.getStyleClass().add("bubble-role");
        HBox header = new HBox(8, role);
        header.setAlignment(Pos.CENTER_LEFT);
        if (message.persona() != null) {
            Label persona = new Label(message.persona());
            persona.getStyleClass().add("bubble-persona");
            header.getChildren().add(persona);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label time = new Label(message.time() != null ? TimeFormat.dateTime(message.time())
                : message.row().timeText());
        time.getStyleClass().add("bubble-time");
        header.getChildren().addAll(spacer, time);
        if (message.row().hasIssues() || message.row().isSensitive()) {
            Label flag = new Label("", Icons.glyph(message.row().hasIssues()
                    ? FontAwesome.Glyph.EXCLAMATION_TRIANGLE : FontAwesome.Glyph.LOCK,
                    message.row().hasIssues() ? "flag-warning" : "flag-secret"));
            flag.setTooltip(new Tooltip(message.row().flagDescription()));
            header.getChildren().add(flag);
        }
        return header;
    }

    private String roleName(ChatMessage message) {
        String type = message.itemType();
        return switch (message.role()) {
            case USER -> messages.get("role.user");
            case ASSISTANT -> messages.get("role.assistant");
            case SYSTEM -> messages.get("role.system");
            case TOOL -> messages.get("role.tool");
            case NOTE -> type == null ? messages.get("role.note") : type;
        };
    }

    /** A null text_content: muted and italic, so it never reads as a message saying "null". */
    private Label nullText() {
        Label label = new Label(messages.get("transcript.nullText"));
        label.getStyleClass().addAll("bubble-text", "value-null");
        return label;
    }

    /** The text, folded when long, with a link to unfold it. */
    private Node body(String text) {
        Label label = new Label();
        label.setWrapText(true);
        label.getStyleClass().add("bubble-text");
        label.setMinHeight(Region.USE_PREF_SIZE);
        if (text.length() <= FOLD_CHARS) {
            label.setText(text);
            return label;
        }
        label.setText(text.substring(0, FOLD_CHARS) + "…");
        Hyperlink toggle = new Hyperlink(messages.format("transcript.showMore", text.length()));
        toggle.getStyleClass().add("fold-link");
        toggle.setOnAction(e -> {
            boolean folded = label.getText().length() < text.length();
            label.setText(folded ? text : text.substring(0, FOLD_CHARS) + "…");
            toggle.setText(folded ? messages.get("transcript.showLess")
                    : messages.format("transcript.showMore", text.length()));
        });
        return new VBox(2, label, toggle);
    }

    /** Tool calls and results: collapsed to one line; expanding shows text and metadata. */
    private Region tool(ChatMessage message, boolean revealSecrets) {
        String name = message.toolName();
        String title = (message.itemType() == null ? messages.get("role.tool") : message.itemType())
                + (name == null ? "" : " · " + name) + "  ·  "
                + (message.time() != null ? TimeFormat.time(message.time()) : message.row().timeText());
        VBox content = new VBox(6, body(message.text()));
        var metadata = (revealSecrets ? message.row().document() : message.row().masked()).get("metadata");
        if (metadata != null && metadata.isDocument() && !metadata.asDocument().isEmpty()) {
            Label json = new Label(ExtendedJson.format((BsonDocument) metadata, false));
            json.getStyleClass().add("mono");
            json.setWrapText(true);
            content.getChildren().add(json);
        }
        TitledPane pane = new TitledPane(title, content);
        pane.setGraphic(Icons.glyph(FontAwesome.Glyph.WRENCH));
        pane.setExpanded(false);
        pane.setAnimated(false);
        pane.getStyleClass().addAll("bubble-tool");
        pane.setUserData(message);
        return pane;
    }
}
