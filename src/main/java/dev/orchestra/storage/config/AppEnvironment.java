package dev.orchestra.storage.config;

import dev.orchestra.storage.error.StorageValidationException;
import java.util.Locale;

/** {@code APP_ENV}: which store to open and how carefully. */
public enum AppEnvironment {
    DEVELOPMENT, TEST, STAGING, PRODUCTION;

    public static AppEnvironment parse(String value) {
        if (value == null || value.isBlank()) {
            return DEVELOPMENT;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new StorageValidationException("APP_ENV must be one of development, test, staging, production; was '"
                    + value + "'");
        }
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
