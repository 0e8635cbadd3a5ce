package dev.orchestra.cli;

import java.util.Properties;

/**
 * Points Logback at the app's configuration. It is not a {@code logback.xml} at the jar's root because that would
 * also configure the logging of every service that uses the storage library from this jar. Call before the first
 * logger is created; an explicit {@code -Dlogback.configurationFile} wins.
 */
public final class AppLogging {
    static final String CONFIGURATION_PROPERTY = "logback.configurationFile";
    static final String CONFIGURATION = "dev/orchestra/logback-app.xml";

    private AppLogging() {
    }

    public static void useAppConfiguration(Properties systemProperties) {
        systemProperties.putIfAbsent(CONFIGURATION_PROPERTY, CONFIGURATION);
    }
}
