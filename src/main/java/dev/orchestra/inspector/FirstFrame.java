package dev.orchestra.inspector;

import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.common.StoreConnection.State;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;

/**
 * Runs an action once the window has laid out its first frame with the store open — at launch the frame that shows
 * the first page, which {@code FirstPagePrefetch} usually has ready when the store's opening reaches the window — or
 * at once when opening failed. For work that would otherwise compete with that frame for the CPU.
 */
public final class FirstFrame {
    private FirstFrame() {
    }

    public static void after(Scene scene, ObservableObjectValue<StoreConnection.State> state, Runnable action) {
        if (settled(scene, state.get(), action)) {
            return;
        }
        state.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends State> obs, State was, State is) {
                if (settled(scene, is, action)) {
                    state.removeListener(this);
                }
            }
        });
    }

    /** Whether {@code state} decides when: connected (after the next layout) or failed (now). */
    private static boolean settled(Scene scene, State state, Runnable action) {
        if (state == State.FAILED) {
            action.run();
            return true;
        }
        if (state != State.CONNECTED) {
            return false;
        }
        scene.addPostLayoutPulseListener(new Runnable() {
            @Override
            public void run() {
                scene.removePostLayoutPulseListener(this);
                action.run();
            }
        });
        return true;
    }
}
