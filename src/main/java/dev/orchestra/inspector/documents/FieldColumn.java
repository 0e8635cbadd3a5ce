package dev.orchestra.inspector.documents;

import dev.orchestra.inspector.common.DocumentRow;
import javafx.scene.control.TableColumn;

/**
 * A document table column showing one top-level field as text (masked unless secrets are revealed). Declared in a
 * feature's FXML with {@code field="user_id"}; {@link DocumentTable#bind} fills it.
 */
public class FieldColumn extends TableColumn<DocumentRow, String> {
    private String field;

    public String getField() {
        return field;
    }

    public void setField(String field) {
        this.field = field;
    }
}
