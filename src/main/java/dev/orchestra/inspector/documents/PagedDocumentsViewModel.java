package dev.orchestra.inspector.documents;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.ErrorMessages;
import dev.orchestra.inspector.common.FilterField;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.SecretMasker;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.detail.DocumentDetailViewModel;
import dev.orchestra.storage.DocumentStore;
import dev.orchestra.storage.model.CountEstimate;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.Page;
import dev.orchestra.storage.model.PageCursor;
import dev.orchestra.storage.model.PageRequest;
import dev.orchestra.storage.model.StoreCollection;
import dev.orchestra.storage.model.TimeInputParser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import javafx.collections.ObservableList;

/**
 * A document table backed by server-side keyset paging: the filter bar's fields, the current page, a stack of the
 * cursors that led to it (for "previous"), an estimated total, the selection and the detail pane. Subclasses add
 * their collection's filter fields.
 */
public abstract class PagedDocumentsViewModel {
    public static final List<Integer> PAGE_SIZES = List.of(25, 50, 100, 200, 500);

    protected final StoreCollection collection;
    private final StoreConnection store;
    private final SecretDisplay secrets;
    private final DocumentDetailViewModel detail;
    private final TimeInputParser timeParser;

    private final FilterField from = new FilterField();
    private final FilterField to = new FilterField();
    private final FilterField textContains = new FilterField();
    private final ObservableList<DocumentRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DocumentRow> selectedRows = FXCollections.observableArrayList();
    private final ObjectProperty<DocumentRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", 50);
    private final ReadOnlyIntegerWrapper pageNumber = new ReadOnlyIntegerWrapper(this, "pageNumber", 1);
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper(this, "total", "");
    private final ReadOnlyBooleanWrapper filterActive = new ReadOnlyBooleanWrapper(this, "filterActive");
    private final ReadOnlyStringWrapper emptyHint = new ReadOnlyStringWrapper(this, "emptyHint");

    private DocumentFilter activeFilter = DocumentFilter.none();
    private Deque<PageCursor> previousCursors = new ArrayDeque<>();
    private PageCursor currentCursor;
    private PageCursor nextCursor;
    private final AsyncCommand<LoadedPage> loadPage;
    private final AsyncCommand<CountEstimate> count;

    protected PagedDocumentsViewModel(StoreCollection collection, BackgroundRunner runner, StoreConnection store,
                                      SecretDisplay secrets, DocumentDetailViewModel detail, Clock clock) {
        this.collection = collection;
        this.store = store;
        this.loadPage = new AsyncCommand<>(runner, "Loading " + collection.collectionName());
        this.count = new AsyncCommand<>(runner, "Counting " + collection.collectionName());
        this.secrets = secrets;
        this.detail = detail;
        this.timeParser = new TimeInputParser(clock);
        selectedRow.addListener((obs, was, is) -> {
            if (is != null) {
                detail.show(is);
            }
        });
        pageSize.addListener((obs, was, is) -> first());
        store.stateProperty().addListener((obs, was, is) -> {
            if (is == StoreConnection.State.CONNECTED) {
                first();
            }
        });
    }

    /**
     * The collection-specific part of the filter, or null when a field is malformed (the subclass marks it with
     * {@link FilterField#setError}).
     */
    protected abstract DocumentFilter buildSpecificFilter(DocumentFilter base);

    /** Every filter field, for "clear" and for "is any field wrong". */
    protected abstract List<FilterField> specificFields();

    /** Called with each loaded page (off the UI thread is not guaranteed: keep it cheap). */
    protected void onRowsLoaded(List<DocumentRow> loaded) {
    }

    /** Why {@code filter} may have matched nothing, shown in place of the empty table; null for the generic text. */
    protected String emptyResultHint(DocumentFilter filter) {
        return null;
    }

    /** Checks the filter bar; sends the query only when every field is valid. Returns whether it was sent. */
    public boolean applyFilter() {
        DocumentFilter filter = validatedFilter();
        if (filter == null) {
            error.set("Fix the highlighted filter field: " + firstFieldError());
            return false;
        }
        activeFilter = filter;
        filterActive.set(!filter.isEmpty());
        first();
        return true;
    }

    public void clearFilter() {
        allFields().forEach(FilterField::clear);
        applyFilter();
    }

    private DocumentFilter validatedFilter() {
        TimeInputParser.Result f = timeParser.parse(from.value(), false);
        TimeInputParser.Result t = timeParser.parse(to.value(), true);
        if (!f.ok()) {
            from.setError(f.error());
        }
        if (!t.ok()) {
            to.setError(t.error());
        }
        Instant fromTime = f.value();
        Instant toTime = t.value();
        if (fromTime != null && toTime != null && !toTime.isAfter(fromTime)) {
            to.setError("'To' must be after 'From'");
        }
        DocumentFilter filter = DocumentFilter.none().withTimeRange(fromTime, toTime)
                .withTextContains(textContains.value());
        filter = buildSpecificFilter(filter);
        boolean anyError = allFields().anyMatch(FilterField::hasError);
        return anyError ? null : filter;
    }

    private String firstFieldError() {
        return allFields().filter(FilterField::hasError).map(ff -> ff.errorProperty().get()).findFirst().orElse("");
    }

    private Stream<FilterField> allFields() {
        return Stream.concat(Stream.of(from, to, textContains), specificFields().stream());
    }

    public void first() {
        load(null, new ArrayDeque<>(), true);
    }

    public void next() {
        if (!hasNext.get() || nextCursor == null) {
            return;
        }
        Deque<PageCursor> stack = new ArrayDeque<>(previousCursors);
        stack.push(currentCursor == null ? FIRST_PAGE : currentCursor);
        load(nextCursor, stack, false);
    }

    public void previous() {
        if (previousCursors.isEmpty()) {
            return;
        }
        Deque<PageCursor> stack = new ArrayDeque<>(previousCursors);
        PageCursor cursor = stack.pop();
        load(cursor == FIRST_PAGE ? null : cursor, stack, false);
    }

    /**
     * Selects the document when this page lists it; otherwise shows it in the detail pane with no row selected
     * (it may be on another page, or filtered out).
     */
    public void select(BsonValue id, BsonDocument preview) {
        rows.stream().filter(r -> id.equals(r.id())).findFirst().ifPresentOrElse(selectedRow::set, () -> {
            selectedRow.set(null);
            detail.show(collection, id, preview);
        });
    }

    /** Reloads the current page (and the count). */
    public void refresh() {
        load(currentCursor, new ArrayDeque<>(previousCursors), true);
    }

    /** Esc: stops waiting for the running load; the table keeps what it showed. */
    public void cancel() {
        boolean wasLoading = loadPage.cancel();
        count.cancel();
        detail.cancel();
        if (wasLoading) {
            error.set("Loading cancelled.");
        }
    }

    /** A stand-in for "no cursor" on the stack (ArrayDeque refuses null). */
    private static final PageCursor FIRST_PAGE = new PageCursor(null, null, -2);

    private void load(PageCursor cursor, Deque<PageCursor> stackAfter, boolean recount) {
        if (!store.isConnected()) {
            return;
        }
        DocumentStore manager = store.current();
        DocumentFilter filter = activeFilter;
        int size = pageSize.get();
        error.set(null);
        SecretMasker masker = secrets.masker();
        loadPage.execute(() -> {
            Page<BsonDocument> page = manager.findPage(collection, filter, new PageRequest(size, cursor));
            List<DocumentRow> mapped = page.items().stream()
                    .map(d -> DocumentRow.of(collection, d, masker)).toList();
            return new LoadedPage(mapped, page.next(), page.hasMore());
        }, page -> {
            previousCursors = stackAfter;
            currentCursor = cursor;
            nextCursor = page.next();
            hasNext.set(page.hasMore());
            pageNumber.set(stackAfter.size() + 1);
            hasPrevious.set(!stackAfter.isEmpty());
            onRowsLoaded(page.rows());
            emptyHint.set(page.rows().isEmpty() && cursor == null ? emptyResultHint(filter) : null);
            rows.setAll(page.rows());
        }, e -> error.set(ErrorMessages.describe(e)));
        if (recount) {
            total.set("…");
            count.execute(() -> manager.count(collection, filter),
                    c -> total.set(c.exact() ? Long.toString(c.value()) : c.display()), e -> total.set("?"));
        }
    }

    private record LoadedPage(List<DocumentRow> rows, PageCursor next, boolean hasMore) {
    }

    public StoreCollection collection() {
        return collection;
    }

    public DocumentDetailViewModel detail() {
        return detail;
    }

    public SecretDisplay secrets() {
        return secrets;
    }

    public FilterField fromField() {
        return from;
    }

    public FilterField toField() {
        return to;
    }

    public FilterField textContainsField() {
        return textContains;
    }

    public ObservableList<DocumentRow> rows() {
        return rows;
    }

    /** The table's selection (several rows), kept in step by the view; for bulk actions. */
    public ObservableList<DocumentRow> selectedRows() {
        return selectedRows;
    }

    public ObjectProperty<DocumentRow> selectedRowProperty() {
        return selectedRow;
    }

    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    public ReadOnlyIntegerProperty pageNumberProperty() {
        return pageNumber.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loadPage.runningProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The estimated number of matching documents ("1234", "≥ 10000", "…" while counting, "?" on failure). */
    public ReadOnlyStringProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty filterActiveProperty() {
        return filterActive.getReadOnlyProperty();
    }

    /** A specific reason for an empty first page (e.g. "No items of type 'x'"), else null. */
    public ReadOnlyStringProperty emptyHintProperty() {
        return emptyHint.getReadOnlyProperty();
    }

    public DocumentFilter activeFilter() {
        return activeFilter;
    }
}
