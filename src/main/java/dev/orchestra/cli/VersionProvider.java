package dev.orchestra.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest; "development build" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"orchestra-inspector " + version()};
    }

    /** From the jar's Maven metadata (present in every packaged jar), else "development". */
    String version() {
        try (var in = VersionProvider.class.getResourceAsStream(
                "/META-INF/maven/dev.orchestra/orchestra-inspector/pom.properties")) {
            if (in != null) {
                var properties = new java.util.Properties();
                properties.load(in);
                return properties.getProperty("version", "development");
            }
        } catch (java.io.IOException e) {
            // fall through: the version is only informative
        }
        return "development";
    }
}
