package dev.orchestra.inspector.audit;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.SafeStorageHolder;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.safety.AuditEntry;
import dev.orchestra.storage.safety.SafeOperations;
import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The audit log ({@code inspector_audit}), newest first, one page at a time; the selected entry's before/after. */
public class AuditViewModel {
    public static final int PAGE_SIZE = 50;

    private final SafeStorageHolder storage;
    private final AsyncCommand<Page<AuditEntry>> loadPage;
    private final ObservableList<AuditEntry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<AuditEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious");
    private final ReadOnlyIntegerWrapper pageNumber = new ReadOnlyIntegerWrapper(this, "pageNumber", 1);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private Deque<PageCursor> previous = new ArrayDeque<>();
    private PageCursor current;
    private PageCursor next;

    public AuditViewModel(BackgroundRunner runner, SafeStorageHolder storage) {
        this.storage = storage;
        this.loadPage = new AsyncCommand<>(runner, "Loading the audit log");
    }

    public void first() {
        load(null, new ArrayDeque<>());
    }

    public void next() {
        if (hasNext.get()) {
            Deque<PageCursor> stack = new ArrayDeque<>(previous);
            stack.push(current == null ? FIRST : current);
            load(next, stack);
        }
    }

    public void previous() {
        if (!previous.isEmpty()) {
            Deque<PageCursor> stack = new ArrayDeque<>(previous);
            PageCursor cursor = stack.pop();
            load(cursor == FIRST ? null : cursor, stack);
        }
    }

    /** A stand-in for "the first page" on the stack (ArrayDeque refuses null). */
    private static final PageCursor FIRST = new PageCursor(null, null, -2);

    private void load(PageCursor cursor, Deque<PageCursor> stackAfter) {
        SafeOperations ops;
        try {
            ops = storage.operations();
        } catch (RuntimeException e) {
            error.set(ErrorMessages.describe(e));
            return;
        }
        loadPage.execute(() -> ops.audit().list(new PageRequest(PAGE_SIZE, cursor)),
                page -> {
                    error.set(null);
                    entries.setAll(page.items());
                    previous = stackAfter;
                    current = cursor;
                    next = page.next();
                    hasNext.set(page.hasMore());
                    hasPrevious.set(!stackAfter.isEmpty());
                    pageNumber.set(stackAfter.size() + 1);
                }, e -> error.set(ErrorMessages.describe(e)));
    }

    public ObservableList<AuditEntry> entries() {
        return entries;
    }

    public ObjectProperty<AuditEntry> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageNumberProperty() {
        return pageNumber.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
