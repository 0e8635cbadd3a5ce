package dev.orchestra.inspector.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.ViewModelFixture.RecordingDialogs;
import dev.orchestra.inspector.common.Navigator;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.SecretMasker;
import dev.orchestra.inspector.deleting.DeleteFlow;
import dev.orchestra.inspector.deleting.DeleteFlowTest;
import dev.orchestra.inspector.detail.DocumentDetailViewModel;
import dev.orchestra.inspector.memory.MemoryItemsViewModel;
import org.junit.jupiter.api.Test;

class DocumentActionsViewModelTest {
    private final EditingFixture f = new EditingFixture();
    private final SecretDisplay secrets = new SecretDisplay(new SecretMasker());
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final DeleteFlowTest.RecordingDialogs deleteDialogs = new DeleteFlowTest.RecordingDialogs();
    private final DocumentDetailViewModel detail = new DocumentDetailViewModel(f.runner, f.store, secrets, dialogs);
    private final MemoryItemsViewModel items = new MemoryItemsViewModel(f.runner, f.store, secrets, detail,
            Navigator.NONE, f.clock);
    private final DocumentActionsViewModel actions = new DocumentActionsViewModel(f.runner, f.storage,
            editor -> { }, new DeleteFlow(f.runner, f.storage, deleteDialogs, secrets, 10), items, dialogs, f.clock);

    @Test
    void afterADeleteTheDetailPaneHoldsNothingToActOnAndUndoBringsTheDocumentBack() {
        f.storeRichItem("doomed");
        items.first();
        items.selectedRowProperty().set(items.rows().get(0));
        assertThat(actions.canEditProperty().get()).isTrue();

        actions.deleteCurrent();

        assertThat(detail.documentProperty().get()).isNull();
        assertThat(actions.canEditProperty().get()).isFalse();
        assertThat(detail.errorProperty().get()).contains("no longer exists");

        deleteDialogs.undoActions.get(0).run();

        assertThat(detail.documentProperty().get().getString("_id").getValue()).isEqualTo("doomed");
        assertThat(detail.errorProperty().get()).isNull();
        assertThat(actions.canEditProperty().get()).isTrue();
    }
}
