package dev.orchestra.inspector.memory;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.FilterField;
import dev.orchestra.inspector.common.Navigator;
import dev.orchestra.inspector.documents.PagedDocumentsViewModel;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.detail.DocumentDetailViewModel;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The memory items table: filters by user, session, item type, time range and text. The item-type box offers the
 * types the collection really holds (read with a time limit when the store connects) and the types seen on loaded
 * pages; any well-formed type is accepted, so a type another service writes can be filtered for at once.
 */
public class MemoryItemsViewModel extends PagedDocumentsViewModel {
    /** Offered until the collection's own types are known (and when they cannot be read). */
    static final List<String> DEFAULT_ITEM_TYPES = List.of("conversation", "tool", "tool_call", "tool_result", "fact",
            "summary", "observation", "reflection", "plan", "document", "note");
    /** How many of the collection's types the box offers at most. */
    static final int OFFERED_TYPES = 200;
    static final int MAX_TYPE_LENGTH = 200;

    private final FilterField user = new FilterField();
    private final FilterField session = new FilterField();
    private final FilterField itemType = new FilterField();
    private final ObservableList<String> knownItemTypes = FXCollections.observableArrayList(DEFAULT_ITEM_TYPES);
    private final Set<String> storedTypes = new TreeSet<>();

    private final StoreConnection store;
    private final Navigator navigator;
    private final AsyncCommand<List<String>> listTypes;

    public MemoryItemsViewModel(BackgroundRunner runner, StoreConnection store, SecretDisplay secrets,
                                DocumentDetailViewModel detail, Navigator navigator, Clock clock) {
        super(StoreCollection.MEMORY_ITEMS, runner, store, secrets, detail, clock);
        this.store = store;
        this.listTypes = new AsyncCommand<>(runner, "Listing item types");
        this.navigator = navigator;
        FXCollections.sort(knownItemTypes);
        store.stateProperty().addListener((obs, was, is) -> {
            if (is == StoreConnection.State.CONNECTED) {
                loadStoredTypes();
            }
        });
    }

    /** Reads the item types the collection holds (a bounded, read-only query) and offers them. */
    public void loadStoredTypes() {
        if (!store.isConnected()) {
            return;
        }
        DocumentStore manager = store.current();
        listTypes.execute(() -> manager.distinctTypes(StoreCollection.MEMORY_ITEMS, OFFERED_TYPES), types -> {
                    storedTypes.clear();
                    storedTypes.addAll(types);
                    knownItemTypes.setAll(storedTypes);
                }, e -> {
                    // the defaults stay offered; typing any type still works
                });
    }

    @Override
    public void cancel() {
        super.cancel();
        listTypes.cancel();
    }

    @Override
    protected DocumentFilter buildSpecificFilter(DocumentFilter base) {
        String type = itemType.value();
        if (type != null) {
            String problem = typeProblem(type);
            if (problem != null) {
                itemType.setError(problem);
            }
        }
        return base.withUserId(user.value()).withSessionId(session.value()).withItemType(type);
    }

    /** Why {@code type} cannot be an item type, or null: any non-empty text of sane length that is no operator. */
    static String typeProblem(String type) {
        if (type.length() > MAX_TYPE_LENGTH) {
            return "An item type is at most " + MAX_TYPE_LENGTH + " characters";
        }
        if (type.startsWith("$")) {
            return "'" + type + "' is not an item type (it must not start with $)";
        }
        if (type.chars().anyMatch(Character::isISOControl)) {
            return "An item type cannot contain control characters";
        }
        return null;
    }

    @Override
    protected String emptyResultHint(DocumentFilter filter) {
        String type = filter.itemType();
        if (type == null) {
            return null;
        }
        boolean others = filter.withItemType(null).isEmpty();
        if (!storedTypes.isEmpty() && !storedTypes.contains(type)) {
            return "No items of type '" + type + "'. Types in the collection: "
                    + storedTypes.stream().limit(12).collect(Collectors.joining(", "))
                    + (storedTypes.size() > 12 ? ", …" : "");
        }
        return "No items of type '" + type + "'" + (others ? "." : " match the other filters.");
    }

    @Override
    protected List<FilterField> specificFields() {
        return List.of(user, session, itemType);
    }

    @Override
    protected void onRowsLoaded(List<DocumentRow> loaded) {
        TreeSet<String> types = new TreeSet<>(knownItemTypes);
        for (DocumentRow row : loaded) {
            var t = row.document().get("item_type");
            if (t != null && t.isString() && typeProblem(t.asString().getValue()) == null) {
                types.add(t.asString().getValue());
            }
        }
        if (types.size() != knownItemTypes.size()) {
            knownItemTypes.setAll(types);
        }
    }

    /**
     * Opens the selected item's conversation in the sessions view (the user's "(no session)" one when its session id
     * is missing or null); false when it has no user or a session id that is not a string.
     */
    public boolean openConversation() {
        DocumentRow row = selectedRowProperty().get();
        if (row == null) {
            return false;
        }
        var userId = row.document().get(Fields.USER_ID);
        var sessionId = row.document().get("session_id");
        boolean noSession = sessionId == null || sessionId.isNull();
        if (userId == null || !userId.isString() || !noSession && !sessionId.isString()) {
            return false;
        }
        navigator.showConversation(userId.asString().getValue(), noSession ? null : sessionId.asString().getValue());
        return true;
    }

    /** Shows one session's items (from the sessions view or a row's context menu). */
    public void showSession(String userId, String sessionId) {
        clearFields();
        user.textProperty().set(userId == null ? "" : userId);
        session.textProperty().set(sessionId == null ? "" : sessionId);
        applyFilter();
    }

    private void clearFields() {
        fromField().clear();
        toField().clear();
        textContainsField().clear();
        specificFields().forEach(FilterField::clear);
    }

    public FilterField userField() {
        return user;
    }

    public FilterField sessionField() {
        return session;
    }

    public FilterField itemTypeField() {
        return itemType;
    }

    public ObservableList<String> knownItemTypes() {
        return knownItemTypes;
    }
}
