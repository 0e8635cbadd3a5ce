package dev.orchestra.inspector.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/** Loads an FXML view with the app's strings and controller factory. */
public final class ViewLoader {
    private final Messages messages;
    private final Callback<Class<?>, Object> controllerFactory;

    public ViewLoader(Messages messages, Callback<Class<?>, Object> controllerFactory) {
        this.messages = messages;
        this.controllerFactory = controllerFactory;
    }

    /** A loaded view: its root node and its controller. */
    public record Loaded<C>(Parent root, C controller) {
    }

    /** The FXML names its controller class ({@code fx:controller}); the factory builds it. */
    public <C> Loaded<C> load(Class<?> anchor, String fxml) {
        FXMLLoader loader = loader(anchor, fxml);
        loader.setControllerFactory(controllerFactory);
        return finish(loader, fxml);
    }

    /** The FXML has no {@code fx:controller}; {@code controller} is used (for views that exist several times). */
    public <C> Loaded<C> load(Class<?> anchor, String fxml, C controller) {
        FXMLLoader loader = loader(anchor, fxml);
        loader.setController(controller);
        return finish(loader, fxml);
    }

    private FXMLLoader loader(Class<?> anchor, String fxml) {
        URL url = anchor.getResource(fxml);
        if (url == null) {
            throw new IllegalStateException("Missing view " + fxml + " next to " + anchor.getName());
        }
        return new FXMLLoader(url, messages.bundle());
    }

    private <C> Loaded<C> finish(FXMLLoader loader, String fxml) {
        try {
            Parent root = loader.load();
            return new Loaded<>(root, loader.getController());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load view " + fxml, e);
        }
    }
}
