package dev.orchestra.storage.validation;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.schema.Fields;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/** Argument checks shared by every MemoryManager implementation, so all refuse bad calls with the same message. */
public final class Arguments {
    private Arguments() {
    }

    public static void requireArgument(Object value, String what) {
        if (value == null) {
            throw new StorageValidationException("No " + what + " given");
        }
    }

    public static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new StorageValidationException("'" + field + "' is required");
        }
    }

    /** The {@code _id} of a document to put back exactly as it was: it cannot get a new one, so it must have one. */
    public static BsonValue requireRestorableId(BsonDocument document) {
        requireArgument(document, "document");
        BsonValue id = document.get(Fields.ID);
        if (id == null) {
            throw new StorageValidationException("A restored document needs its _id");
        }
        return id;
    }
}
