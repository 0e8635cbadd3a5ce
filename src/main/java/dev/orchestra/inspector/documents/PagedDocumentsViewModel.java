package dev.orchestra.inspector.documents;

import dev.orchestra.inspector.common.AsyncCommand;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.CellKeepingLists;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.EarlyRead;
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
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import javafx.collections.ObservableList;

/**
 * A document table backed by server-side keyset paging: the filter bar ({@link FilterBar}), the current page and
 * where it stands ({@link PageCursors}), an estimated total, the selection and the detail pane. Subclasses add
 * their collection's filter fields.
 */
public abstract class PagedDocumentsViewModel {
    public static final List<Integer> PAGE_SIZES = List.of(25, 50, 100, 200, 500);

    protected final StoreCollection collection;
    private final StoreConnection store;
    private final SecretDisplay secrets;
    private final DocumentDetailViewModel detail;
    private final FilterBar filterBar;
    private final PageCursors cursors = new PageCursors();

    private final ObservableList<DocumentRow> rows = FXCollections.observableArrayList();
    private final ObservableList<DocumentRow> selectedRows = FXCollections.observableArrayList();
    private final ObjectProperty<DocumentRow> selectedRow = new SimpleObjectProperty<>(this, "selectedRow");
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", 50);
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error");
    private final ReadOnlyStringWrapper total = new ReadOnlyStringWrapper(this, "total", "");
    private final ReadOnlyBooleanWrapper filterActive = new ReadOnlyBooleanWrapper(this, "filterActive");
    private final ReadOnlyStringWrapper emptyHint = new ReadOnlyStringWrapper(this, "emptyHint");

    private DocumentFilter activeFilter = DocumentFilter.none();
    private final AsyncCommand<LoadedPage> loadPage;
    private final AsyncCommand<CountEstimate> count;
    private final FirstPagePrefetch prefetch;
    private boolean showing = true;
    private boolean loadWhenShown;

    protected PagedDocumentsViewModel(StoreCollection collection, BackgroundRunner runner, StoreConnection store,
                                      SecretDisplay secrets, DocumentDetailViewModel detail, Clock clock) {
        this.collection = collection;
        this.store = store;
        this.loadPage = new AsyncCommand<>(runner, "Loading " + collection.collectionName());
        this.count = new AsyncCommand<>(runner, "Counting " + collection.collectionName());
        this.secrets = secrets;
        this.detail = detail;
        this.filterBar = new FilterBar(clock);
        this.prefetch = new FirstPagePrefetch(runner, collection);
        prefetch.expect(showing, pageSize.get());
        store.onOpenedInBackground(prefetch::start);
        selectedRow.addListener((obs, was, is) -> {
            if (is != null) {
                detail.show(is);
            }
        });
        pageSize.addListener((obs, was, is) -> {
            prefetch.expect(showing, is.intValue());
            first();
        });
        store.stateProperty().addListener((obs, was, is) -> {
            if (is == StoreConnection.State.CONNECTED) {
                if (showing) {
                    first();
                } else {
                    loadWhenShown = true;
                }
            }
        });
    }

    /**
     * A hidden view does not load its first page when the store connects but when it is first shown: a launch
     * then queries only for the view the user sees. Shown by default (a view model on its own loads at connect).
     */
    public void setShowing(boolean showing) {
        this.showing = showing;
        prefetch.expect(showing, pageSize.get());
        if (showing && loadWhenShown) {
            loadWhenShown = false;
            first();
        }
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
        DocumentFilter filter = filterBar.validated(this::buildSpecificFilter, specificFields());
        if (filter == null) {
            error.set("Fix the highlighted filter field: " + filterBar.firstError(specificFields()));
            return false;
        }
        activeFilter = filter;
        filterActive.set(!filter.isEmpty());
        first();
        return true;
    }

    public void clearFilter() {
        filterBar.clear(specificFields());
        applyFilter();
    }

    public void first() {
        load(cursors.first(), true);
    }

    public void next() {
        load(cursors.next(), false);
    }

    public void previous() {
        load(cursors.previous(), false);
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
        load(cursors.current(), true);
    }

    /** Esc: stops waiting for the running load; the table keeps what it showed. */
    public void cancel() {
        boolean wasLoading = loadPage.cancel();
        prefetch.cancel();
        count.cancel();
        detail.cancel();
        if (wasLoading) {
            error.set("Loading cancelled.");
        }
    }

    /** Loads the page {@code move} leads to; nothing when there is no such page or no store. */
    private void load(PageCursors.Move move, boolean recount) {
        if (move == null || !store.isConnected()) {
            return;
        }
        PageCursor cursor = move.cursor();
        DocumentStore manager = store.current();
        DocumentFilter filter = activeFilter;
        int size = pageSize.get();
        error.set(null);
        SecretMasker masker = secrets.masker();
        EarlyRead<Page<BsonDocument>> prefetched = prefetch.take(manager, filter, size, cursor);
        Page<BsonDocument> ready = prefetched == null ? null : prefetched.resultIfDone();
        if (ready != null) {
            // read while the window was being built: shown now, in the window's first drawn frame
            loadPage.cancel();
            show(move, filter, loaded(ready, masker));
        } else {
            Callable<Page<BsonDocument>> read = prefetched != null ? prefetched.waiting()
                    : () -> manager.findPage(collection, filter, new PageRequest(size, cursor));
            loadPage.execute(() -> loaded(read.call(), masker), page -> show(move, filter, page),
                    e -> error.set(ErrorMessages.describe(e)));
        }
        if (recount) {
            total.set("…");
            count.execute(() -> manager.count(collection, filter),
                    c -> total.set(c.exact() ? Long.toString(c.value()) : c.display()), e -> total.set("?"));
        }
    }

    private LoadedPage loaded(Page<BsonDocument> page, SecretMasker masker) {
        List<DocumentRow> mapped = page.items().stream().map(d -> DocumentRow.of(collection, d, masker)).toList();
        return new LoadedPage(mapped, page.next(), page.hasMore());
    }

    private void show(PageCursors.Move move, DocumentFilter filter, LoadedPage page) {
        cursors.shown(move, page.next(), page.hasMore());
        onRowsLoaded(page.rows());
        emptyHint.set(page.rows().isEmpty() && move.cursor() == null ? emptyResultHint(filter) : null);
        selectedRow.set(null); // a new page starts unselected (the table follows)
        CellKeepingLists.replaceAll(rows, page.rows()); // the table keeps its cells: no new nodes per page
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
        return filterBar.from();
    }

    public FilterField toField() {
        return filterBar.to();
    }

    public FilterField textContainsField() {
        return filterBar.textContains();
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
        return cursors.pageNumberProperty();
    }

    public ReadOnlyBooleanProperty hasNextProperty() {
        return cursors.hasNextProperty();
    }

    public ReadOnlyBooleanProperty hasPreviousProperty() {
        return cursors.hasPreviousProperty();
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
