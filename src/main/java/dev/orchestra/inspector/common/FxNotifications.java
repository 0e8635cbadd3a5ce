package dev.orchestra.inspector.common;

import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/**
 * The app's ControlsFX notifications, all alike: at the top centre of the window, over the menu bar and the app
 * header's free middle (the status bar's lights at the bottom and the header's action buttons at the right stay
 * visible), and gone by themselves, information after {@link #INFO}, warnings and undo offers after
 * {@link #LONGER}. An offered action works once: its button is disabled by the first click.
 */
public final class FxNotifications {
    public static final Duration INFO = Duration.seconds(8);
    public static final Duration LONGER = Duration.seconds(15);
    private static final String TITLE = "Orchestra Storage Inspector";

    private final Supplier<Window> owner;

    /** @param owner the window the notifications belong to (null before it is shown: the screen's corner then) */
    public FxNotifications(Supplier<Window> owner) {
        this.owner = owner;
    }

    public void info(String message) {
        create(message).hideAfter(INFO).showInformation();
    }

    public void warning(String message) {
        create(message).hideAfter(LONGER).showWarning();
    }

    /** Information with one action button (e.g. "Undo") that runs {@code action} at most once. */
    public void infoWithAction(String message, String actionText, Runnable action) {
        create(message).action(new SingleUseAction(actionText, action)).hideAfter(LONGER).showInformation();
    }

    /** Disabled by its first use, so its button cannot run it again. */
    private static final class SingleUseAction extends Action {
        SingleUseAction(String text, Runnable action) {
            super(text);
            setEventHandler(e -> {
                if (!isDisabled()) {
                    setDisabled(true);
                    action.run();
                }
            });
        }
    }

    private Notifications create(String message) {
        Notifications n = Notifications.create().title(TITLE).text(message).position(Pos.TOP_CENTER);
        Window window = owner.get();
        if (window != null) {
            n.owner(window);
        }
        return n;
    }
}
