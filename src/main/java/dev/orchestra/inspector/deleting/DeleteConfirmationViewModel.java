package dev.orchestra.inspector.deleting;

import dev.orchestra.inspector.common.BsonText;
import dev.orchestra.storage.schema.Fields;
import dev.orchestra.storage.safety.DeletePreview;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * The confirmation before a delete: what goes (count and a preview) and, above 100 documents or for a session,
 * the phrase the user must type (the count, or the session id) before the delete button works.
 */
public class DeleteConfirmationViewModel {
    private final DeleteRequest request;
    private final DeletePreview preview;
    private final StringProperty typed = new SimpleStringProperty(this, "typed", "");
    private final BooleanBinding confirmed;

    public DeleteConfirmationViewModel(DeleteRequest request, DeletePreview preview) {
        this.request = request;
        this.preview = preview;
        confirmed = Bindings.createBooleanBinding(() -> preview.confirms(typed.get()), typed);
    }

    public String title() {
        return request.describe();
    }

    /** "3 documents will be deleted", "≥ 10000 documents …" when the count is an estimate. */
    public String countText() {
        long n = preview.count().value();
        return preview.count().display() + (n == 1 ? " document" : " documents") + " will be moved to the trash "
                + "(restorable for 30 days)";
    }

    public long count() {
        return preview.count().value();
    }

    /** One line per sampled document: its _id and the most telling field. */
    public List<String> sampleLines() {
        return preview.sample().stream().map(DeleteConfirmationViewModel::line).toList();
    }

    public int moreThanSample() {
        return (int) Math.max(0, preview.count().value() - preview.sample().size());
    }

    public boolean requiresTypedConfirmation() {
        return preview.requiresTypedConfirmation();
    }

    /** What to type, e.g. "Type 250 to confirm" / "Type the session id s-42 to confirm". */
    public String typingPrompt() {
        return preview.phraseToType().map(p -> request instanceof DeleteRequest.Session
                ? "Type the session id " + p + " to confirm" : "Type " + p + " (the number of documents) to confirm")
                .orElse("");
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public BooleanBinding confirmedProperty() {
        return confirmed;
    }

    public DeleteRequest request() {
        return request;
    }

    private static String line(BsonDocument d) {
        BsonValue id = d.get("_id");
        StringBuilder sb = new StringBuilder(id == null ? "(no _id)" : BsonText.inline(id, 40));
        for (String field : List.of(Fields.USER_ID, Fields.AGENT_ID, Fields.SESSION_ID, Fields.ITEM_TYPE,
                Fields.DATA_TYPE, Fields.TEXT_CONTENT)) {
            BsonValue v = d.get(field);
            if (v != null && !v.isNull()) {
                sb.append("  ·  ").append(field).append(": ").append(BsonText.inline(v, 60));
            }
        }
        return sb.toString();
    }
}
