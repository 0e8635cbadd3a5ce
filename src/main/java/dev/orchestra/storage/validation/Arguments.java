package dev.orchestra.storage.validation;

import dev.orchestra.storage.error.StorageValidationException;

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
}
