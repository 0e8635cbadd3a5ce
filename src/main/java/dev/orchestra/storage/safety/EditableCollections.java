package dev.orchestra.storage.safety;

import dev.orchestra.storage.error.StorageValidationException;
import dev.orchestra.storage.model.StoreCollection;

/** Only Orchestra's collections are edited; the trash and the audit log change only through their own rules. */
final class EditableCollections {
    private EditableCollections() {
    }

    static void require(StoreCollection collection) {
        if (collection == null || !collection.isOrchestraCollection()) {
            throw new StorageValidationException("'" + (collection == null ? null : collection.collectionName())
                    + "' cannot be edited or deleted from directly; use restore for the trash (entries expire after"
                    + " 30 days) — the audit log is append-only");
        }
    }
}
