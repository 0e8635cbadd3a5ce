package dev.orchestra.storage.safety;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What an {@code inspector_audit} entry records; stored by {@link #wireName()}. */
public enum AuditAction {
    INSERT, UPDATE, DELETE, BULK_DELETE, DELETE_SESSION, RESTORE, IMPORT, CREATE_INDEX;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<AuditAction> fromWireName(String name) {
        return Arrays.stream(values()).filter(a -> a.wireName().equals(name)).findFirst();
    }
}
