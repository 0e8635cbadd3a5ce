package dev.orchestra.inspector;

import dev.orchestra.inspector.MainViewModel.Section;
import dev.orchestra.storage.model.CollectionRef;
import dev.orchestra.storage.model.InspectorCollection;
import dev.orchestra.storage.model.StoreCollection;
import java.util.Comparator;
import java.util.List;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.controlsfx.glyphfont.FontAwesome.Glyph;

/**
 * The app's sections, in navigation order: the one place that says what each section is. A new section is a row
 * here, its FXML (with the controller built by {@link AppContext}) and its {@code nav.*} message.
 */
public final class Sections {
    /**
     * What a section is.
     *
     * @param titleKey      the message key of its name in the navigation list and the View menu
     * @param fxml          its view, relative to this package
     * @param collection    what it lists, preselected by File → Export… and Import… (null: it lists no collection)
     * @param shortcutDigit the digit that, with Ctrl (Cmd on macOS), shows it
     */
    public record Definition(Section id, String titleKey, Glyph icon, String fxml, CollectionRef collection,
                             int shortcutDigit) {
        public KeyCombination shortcut() {
            return new KeyCodeCombination(KeyCode.getKeyCode(String.valueOf(shortcutDigit)),
                    KeyCombination.SHORTCUT_DOWN);
        }
    }

    private static final List<Definition> ALL = List.of(
            new Definition(Section.MEMORY, "nav.memory", Glyph.DATABASE, "memory/MemoryItems.fxml",
                    StoreCollection.MEMORY_ITEMS, 1),
            new Definition(Section.AGENTS, "nav.agents", Glyph.CUBES, "agents/AgentData.fxml",
                    StoreCollection.AGENT_DATA, 2),
            new Definition(Section.SESSIONS, "nav.sessions", Glyph.COMMENTS, "sessions/Sessions.fxml",
                    StoreCollection.USER_SESSIONS, 3),
            new Definition(Section.HEALTH, "nav.health", Glyph.HEARTBEAT, "health/Health.fxml", null, 4),
            new Definition(Section.COHERENCE, "nav.coherence", Glyph.EXCHANGE, "coherence/Coherence.fxml", null, 8),
            new Definition(Section.KEYS, "nav.keys", Glyph.KEY, "keys/Keys.fxml", null, 9),
            new Definition(Section.INDEXES, "nav.indexes", Glyph.LIST_OL, "indexes/Indexes.fxml", null, 7),
            new Definition(Section.TRASH, "nav.trash", Glyph.TRASH, "trash/Trash.fxml",
                    InspectorCollection.TRASH, 5),
            new Definition(Section.AUDIT, "nav.audit", Glyph.HISTORY, "audit/Audit.fxml",
                    InspectorCollection.AUDIT, 6));

    private Sections() {
    }

    /** Every section in navigation order. */
    public static List<Definition> all() {
        return ALL;
    }

    /** Every section in the order of its shortcut (the View menu's order). */
    public static List<Definition> byShortcut() {
        return ALL.stream().sorted(Comparator.comparingInt(Definition::shortcutDigit)).toList();
    }

    public static Definition of(Section id) {
        return ALL.stream().filter(d -> d.id() == id).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No section " + id));
    }
}
