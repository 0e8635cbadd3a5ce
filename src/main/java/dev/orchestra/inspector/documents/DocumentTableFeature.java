package dev.orchestra.inspector.documents;

import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.FeatureView;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.common.ViewLoader;
import dev.orchestra.inspector.detail.DocumentDetailView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;

/** A feature whose view is one {@link DocumentTable}: the shortcuts act on the table. */
public abstract class DocumentTableFeature implements FeatureView {
    protected final Messages messages;
    private final ViewLoader loader;
    private final StoreConnection store;

    protected DocumentTableFeature(ViewLoader loader, Messages messages, StoreConnection store) {
        this.loader = loader;
        this.messages = messages;
        this.store = store;
    }

    /** Binds the table, once the feature's own filters and columns are. */
    protected void bindTable(PagedDocumentsViewModel model) {
        root().bind(model, messages, store, loader);
    }

    /** The feature's table, bound in its {@code initialize}. */
    public abstract DocumentTable root();

    /** The filter field Ctrl+F focuses. */
    protected abstract TextField firstFilter();

    @Override
    public void focusFilter() {
        firstFilter().requestFocus();
        firstFilter().selectAll();
    }

    @Override
    public void refresh() {
        root().model().refresh();
    }

    @Override
    public void openSelected() {
        root().openSelected();
    }

    @Override
    public void setShowing(boolean showing) {
        root().model().setShowing(showing);
    }

    @Override
    public void cancelLoad() {
        root().model().cancel();
    }

    public TableView<DocumentRow> table() {
        return root().table();
    }

    /** The detail pane, for the editing feature to add its tab and actions. */
    public DocumentDetailView detailView() {
        return root().detailView();
    }
}
