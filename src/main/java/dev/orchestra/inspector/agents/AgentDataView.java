package dev.orchestra.inspector.agents;

import dev.orchestra.inspector.common.DocumentRow;
import dev.orchestra.inspector.common.Messages;
import dev.orchestra.inspector.common.StoreConnection;
import dev.orchestra.inspector.common.ViewLoader;
import dev.orchestra.inspector.documents.DocumentTable;
import dev.orchestra.inspector.documents.DocumentTableFeature;
import dev.orchestra.inspector.documents.DocumentTables;
import javafx.fxml.FXML;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;

/** The agent data view: binds {@link AgentDataViewModel} to the document table declared in AgentData.fxml. */
public class AgentDataView extends DocumentTableFeature {
    private final AgentDataViewModel model;

    @FXML private DocumentTable root;
    @FXML private TextField agentField;
    @FXML private TextField dataTypeField;
    @FXML private TableColumn<DocumentRow, String> metadataColumn;

    public AgentDataView(AgentDataViewModel model, ViewLoader loader, Messages messages, StoreConnection store) {
        super(loader, messages, store);
        this.model = model;
    }

    @FXML
    private void initialize() {
        DocumentTables.bindFilter(agentField, model.agentField());
        DocumentTables.bindFilter(dataTypeField, model.dataTypeField());
        DocumentTables.column(metadataColumn, DocumentRow::metadataKeys);
        bindTable(model);
    }

    @Override
    protected TextField firstFilter() {
        return agentField;
    }

    @Override
    public DocumentTable root() {
        return root;
    }
}
