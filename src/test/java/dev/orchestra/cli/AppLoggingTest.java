package dev.orchestra.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.orchestra.storage.MemoryManager;
import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AppLoggingTest {

    @Test
    void pointsLogbackAtTheAppsConfigurationOnTheClasspath() {
        Properties properties = new Properties();

        AppLogging.useAppConfiguration(properties);

        String configuration = properties.getProperty(AppLogging.CONFIGURATION_PROPERTY);
        assertThat(configuration).isEqualTo(AppLogging.CONFIGURATION);
        assertThat(getClass().getClassLoader().getResource(configuration)).as(configuration).isNotNull();
    }

    @Test
    void anExplicitConfigurationWins() {
        Properties properties = new Properties();
        properties.setProperty(AppLogging.CONFIGURATION_PROPERTY, "/etc/mine.xml");

        AppLogging.useAppConfiguration(properties);

        assertThat(properties.getProperty(AppLogging.CONFIGURATION_PROPERTY)).isEqualTo("/etc/mine.xml");
    }

    @Test
    void theJarCarriesNoLogbackXmlThatAServiceWouldPickUp() throws IOException {
        String mainClasses = MemoryManager.class.getProtectionDomain().getCodeSource().getLocation().toString();
        List<URL> found = Collections.list(getClass().getClassLoader().getResources("logback.xml"));

        assertThat(found).noneMatch(url -> url.toString().startsWith(mainClasses));
    }
}
