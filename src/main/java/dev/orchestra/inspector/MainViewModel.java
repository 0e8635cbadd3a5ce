package dev.orchestra.inspector;

import dev.orchestra.inspector.common.StoreConnection;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The main window's state: which view shows, the theme, the title, the connection overlay. */
public class MainViewModel {
    /** The views in the navigation list, in order. */
    public enum Section { MEMORY, AGENTS, SESSIONS, HEALTH, INDEXES, TRASH, AUDIT, COHERENCE, KEYS }

    private final StoreDescription description;
    private final StoreConnection store;
    private final ObjectProperty<Section> section = new SimpleObjectProperty<>(this, "section", Section.MEMORY);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty(this, "darkTheme", false);
    private final StringBinding title;
    private final StringBinding connectionMessage;

    public MainViewModel(StoreDescription description, StoreConnection store) {
        this.description = description;
        this.store = store;
        title = Bindings.createStringBinding(() -> "Orchestra Storage Inspector — "
                + (description.production() ? "PRODUCTION" : description.environment()) + " · "
                + description.database() + " @ " + description.mongo());
        connectionMessage = Bindings.createStringBinding(() -> switch (store.stateProperty().get()) {
            case CONNECTING -> "Connecting to " + description.target() + "…";
            case FAILED -> "Could not open " + description.target() + "\n\n" + store.errorProperty().get();
            case CONNECTED -> "";
        }, store.stateProperty(), store.errorProperty());
    }

    public void retryConnection() {
        store.connect();
    }

    public StoreDescription description() {
        return description;
    }

    public StoreConnection store() {
        return store;
    }

    public ObjectProperty<Section> sectionProperty() {
        return section;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }

    public StringBinding titleProperty() {
        return title;
    }

    public StringBinding connectionMessageProperty() {
        return connectionMessage;
    }
}
