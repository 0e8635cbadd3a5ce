package dev.orchestra;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.Location;
import dev.orchestra.inspector.common.FxBackgroundRunner;
import org.junit.jupiter.api.Test;

class MainClassesOnlyTest {
    private final MainClassesOnly option = new MainClassesOnly();

    private static Location locationOf(Class<?> type) {
        return Location.of(type.getResource(type.getSimpleName() + ".class"));
    }

    @Test
    void includesTheApplicationsClasses() {
        assertThat(option.includes(locationOf(FxBackgroundRunner.class))).isTrue();
    }

    @Test
    void excludesTestClassesWhereverTheBuildPutsThem() {
        assertThat(option.includes(locationOf(MainClassesOnlyTest.class))).isFalse();
    }

    @Test
    void excludesLibraries() {
        assertThat(option.includes(locationOf(Test.class))).isFalse();
    }
}
