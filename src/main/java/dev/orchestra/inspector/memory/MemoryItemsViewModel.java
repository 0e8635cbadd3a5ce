package dev.orchestra.inspector.memory;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.FilterField;
import dev.orchestra.inspector.common.Navigator;
import dev.orchestra.inspector.common.PagedDocumentsViewModel;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.detail.DocumentDetailViewModel;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The memory items table: filters by user, session, item type, time range and text. */
public class MemoryItemsViewModel extends PagedDocumentsViewModel {
    /** Types Orchestra writes; types seen in loaded pages are added, so other systems' types can be chosen too. */
    static final List<String> DEFAULT_ITEM_TYPES = List.of("conversation", "tool", "tool_call", "tool_result", "fact",
            "summary", "observation", "reflection", "plan", "document", "note");
    private static final Pattern TYPE_SYNTAX = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private final FilterField user = new FilterField();
    private final FilterField session = new FilterField();
    private final FilterField itemType = new FilterField();
    private final ObservableList<String> knownItemTypes = FXCollections.observableArrayList(DEFAULT_ITEM_TYPES);

    private final Navigator navigator;

    public MemoryItemsViewModel(BackgroundRunner runner, StoreConnection store, SecretDisplay secrets,
                                DocumentDetailViewModel detail, Navigator navigator, Clock clock) {
        super(StoreCollection.MEMORY_ITEMS, runner, store, secrets, detail, clock);
        this.navigator = navigator;
        FXCollections.sort(knownItemTypes);
    }

    @Override
    protected DocumentFilter buildSpecificFilter(DocumentFilter base) {
        String type = itemType.value();
        if (type != null) {
            if (!TYPE_SYNTAX.matcher(type).matches()) {
                itemType.setError("'" + type + "' is not an item type (letters, digits, _ . : - only)");
            } else if (!knownItemTypes.contains(type)) {
                itemType.setError("Unknown item type '" + type + "'. Known: " + String.join(", ", knownItemTypes));
            }
        }
        return base.withUserId(user.value()).withSessionId(session.value()).withItemType(type);
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
            if (t != null && t.isString() && TYPE_SYNTAX.matcher(t.asString().getValue()).matches()) {
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
        var userId = row.document().get("user_id");
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
