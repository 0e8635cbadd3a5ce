package dev.orchestra.inspector.sessions;

import dev.orchestra.inspector.common.Icons;
import dev.orchestra.inspector.common.Messages;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import org.controlsfx.glyphfont.FontAwesome;

/**
 * The transcript's bubbles, kept in step with {@link TranscriptViewModel#messages()}. A new conversation is built
 * whole and shows its latest messages; an older page prepended keeps the reader where they were; what a follow
 * changes (a message added, edited or removed) is patched in place, so the other bubbles, the scroll position and
 * anything the reader expanded stay. A reader at the bottom stays at the bottom and sees new messages arrive.
 */
final class TranscriptPane {
    /** Closer than this to the end counts as "at the bottom" (pixels). */
    private static final double BOTTOM_SLACK = 4;

    private final TranscriptViewModel transcript;
    private final TranscriptRenderer renderer;
    private final ScrollPane scroll;
    private final VBox bubbles;
    private final VBox olderHolder;

    TranscriptPane(TranscriptViewModel transcript, Messages messages, ScrollPane scroll, VBox bubbles) {
        this.transcript = transcript;
        this.scroll = scroll;
        this.bubbles = bubbles;
        this.renderer = new TranscriptRenderer(messages, scroll.widthProperty().subtract(40));
        Button older = new Button(messages.get("transcript.loadOlder"), Icons.glyph(FontAwesome.Glyph.ARROW_UP));
        older.getStyleClass().add("load-older");
        older.setOnAction(e -> transcript.loadOlder());
        older.disableProperty().bind(transcript.loadingProperty());
        olderHolder = new VBox(older);
        olderHolder.setAlignment(Pos.CENTER);
        transcript.messages().addListener((ListChangeListener<ChatMessage>) this::changed);
        transcript.secrets().revealedProperty().addListener((obs, was, is) -> rebuild());
        transcript.hasOlderProperty().addListener((obs, was, is) -> showOlderButton(is));
    }

    private int header() {
        return !bubbles.getChildren().isEmpty() && bubbles.getChildren().get(0) == olderHolder ? 1 : 0;
    }

    private void showOlderButton(boolean show) {
        if (show && header() == 0) {
            bubbles.getChildren().add(0, olderHolder);
        } else if (!show && header() == 1) {
            bubbles.getChildren().remove(0);
        }
    }

    private void changed(ListChangeListener.Change<? extends ChatMessage> change) {
        int shownBefore = bubbles.getChildren().size() - header();
        boolean olderPrepended = false;
        if (change.next()) {
            olderPrepended = shownBefore > 0 && change.wasAdded() && !change.wasRemoved() && change.getFrom() == 0;
        }
        change.reset();
        if (shownBefore == 0 || transcript.messages().isEmpty()) {
            rebuild();
            scrollAfterLayout(false, 0);
        } else if (olderPrepended) {
            double oldHeight = bubbles.getHeight();
            rebuild();
            scrollAfterLayout(true, oldHeight);
        } else {
            patch(change);
        }
    }

    /** A follow's change: only the bubbles it touches, then the reader's position in pixels again. */
    private void patch(ListChangeListener.Change<? extends ChatMessage> change) {
        double viewport = scroll.getViewportBounds().getHeight();
        double oldScrollable = Math.max(0, bubbles.getHeight() - viewport);
        double top = scroll.getVvalue() * oldScrollable;
        boolean atBottom = oldScrollable - top <= BOTTOM_SLACK;
        boolean reveal = transcript.secrets().isRevealed();
        int header = header();
        while (change.next()) {
            if (change.wasPermutated()) {
                rebuild();
                return;
            }
            int from = change.getFrom() + header;
            if (change.wasRemoved()) {
                bubbles.getChildren().remove(from, from + change.getRemovedSize());
            }
            if (change.wasAdded()) {
                List<Node> added = change.getAddedSubList().stream().map(m -> renderer.render(m, reveal)).toList();
                bubbles.getChildren().addAll(from, added);
            }
        }
        scroll.applyCss();
        scroll.layout();
        double scrollable = Math.max(0, bubbles.getHeight() - viewport);
        scroll.setVvalue(atBottom || scrollable == 0 ? 1.0 : Math.min(1.0, top / scrollable));
    }

    private void rebuild() {
        bubbles.getChildren().clear();
        if (transcript.hasOlderProperty().get()) {
            bubbles.getChildren().add(olderHolder);
        }
        boolean reveal = transcript.secrets().isRevealed();
        for (ChatMessage m : transcript.messages()) {
            bubbles.getChildren().add(renderer.render(m, reveal));
        }
    }

    /**
     * New conversation: show the latest messages. Older page prepended: keep the reader where they were. Both need
     * the new content height, known only after the next layout pass.
     */
    private void scrollAfterLayout(boolean keepPlace, double oldHeight) {
        ChangeListener<Number> once = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Number> obs, Number was, Number is) {
                bubbles.heightProperty().removeListener(this);
                double scrollable = is.doubleValue() - scroll.getViewportBounds().getHeight();
                if (keepPlace && scrollable > 0) {
                    scroll.setVvalue(Math.min(1, (is.doubleValue() - oldHeight) / scrollable));
                } else {
                    scroll.setVvalue(1.0);
                }
            }
        };
        bubbles.heightProperty().addListener(once);
        scroll.setVvalue(keepPlace ? scroll.getVvalue() : 1.0);
    }
}
