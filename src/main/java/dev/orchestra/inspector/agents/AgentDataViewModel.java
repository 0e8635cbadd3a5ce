package dev.orchestra.inspector.agents;

import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.FilterField;
import dev.orchestra.inspector.documents.PagedDocumentsViewModel;
import dev.orchestra.inspector.common.SecretDisplay;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.detail.DocumentDetailViewModel;
import dev.orchestra.storage.model.DocumentFilter;
import dev.orchestra.storage.model.StoreCollection;
import java.time.Clock;
import java.util.List;

/** The agent_data table: filters by agent, data type, time range and text content. */
public class AgentDataViewModel extends PagedDocumentsViewModel {
    private final FilterField agent = new FilterField();
    private final FilterField dataType = new FilterField();

    public AgentDataViewModel(BackgroundRunner runner, StoreConnection store, SecretDisplay secrets,
                              DocumentDetailViewModel detail, Clock clock) {
        super(StoreCollection.AGENT_DATA, runner, store, secrets, detail, clock);
    }

    @Override
    protected DocumentFilter buildSpecificFilter(DocumentFilter base) {
        return base.withAgentId(agent.value()).withDataType(dataType.value());
    }

    @Override
    protected List<FilterField> specificFields() {
        return List.of(agent, dataType);
    }

    public FilterField agentField() {
        return agent;
    }

    public FilterField dataTypeField() {
        return dataType;
    }
}
