package dev.orchestra.inspector.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.inspector.TestData;
import dev.orchestra.inspector.ViewModelFixture;
import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.SameThreadRunner;
import dev.orchestra.storage.inmemory.InMemoryMemoryManager;
import org.junit.jupiter.api.Test;

class AgentDataViewModelTest {
    private final InMemoryMemoryManager store = new InMemoryMemoryManager();
    private final ViewModelFixture fx = new ViewModelFixture(new SameThreadRunner(), store);
    private final AgentDataViewModel model = new AgentDataViewModel(fx.runner, fx.store, fx.secrets, fx.detail(),
            fx.clock);

    @Test
    void pagesAndFiltersAgentData() {
        TestData.agentData(store, 70);
        fx.store.connect();
        assertThat(model.rows()).hasSize(50);
        assertThat(model.totalProperty().get()).isEqualTo("70");
        model.next();
        assertThat(model.rows()).hasSize(20);

        model.agentField().textProperty().set("planner");
        model.dataTypeField().textProperty().set("plan");
        model.applyFilter();

        assertThat(model.rows()).isNotEmpty().allMatch(r -> r.text("agent_id", false).equals("planner")
                && r.text("data_type", false).equals("plan"));
        assertThat(model.rows()).hasSize(12); // i % 3 == 0 and i % 2 == 0, i < 70
    }

    @Test
    void contentPreviewShowsStringsAndDocumentsOnOneLine() {
        TestData.agentData(store, 2);
        fx.store.connect();

        DocumentRow doc = model.rows().get(0); // agent-1: a document
        DocumentRow text = model.rows().get(1); // agent-0: a string

        assertThat(doc.text("content", false)).isEqualTo("{\"rows\": 1}");
        assertThat(text.text("content", false)).isEqualTo("step 0");
        assertThat(doc.timeText()).isNotBlank();
    }

    @Test
    void aHiddenViewLoadsWhenFirstShownNotWhenTheStoreConnects() {
        TestData.agentData(store, 3);
        model.setShowing(false);
        fx.store.connect();
        assertThat(model.rows()).isEmpty();

        model.setShowing(true);

        assertThat(model.rows()).hasSize(3);
        model.setShowing(false);
        model.setShowing(true); // shown again: no second load is owed
        assertThat(model.rows()).hasSize(3);
    }
}
