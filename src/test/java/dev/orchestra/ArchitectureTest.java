package dev.orchestra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layering in ARCHITECTURE.md: the storage library knows nothing of JavaFX, the GUI or the CLI. */
class ArchitectureTest {
    private static JavaClasses mainClasses;

    @BeforeAll
    static void importClasses() {
        mainClasses = new ClassFileImporter()
                .withImportOption(new MainClassesOnly())
                .importPackages("dev.orchestra");
    }

    @Test
    void storageLibraryImportsNoJavaFx() {
        noClasses().that().resideInAPackage("dev.orchestra.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
                .check(mainClasses);
    }

    @Test
    void storageLibraryDoesNotKnowItsClients() {
        noClasses().that().resideInAPackage("dev.orchestra.storage..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.orchestra.inspector..", "dev.orchestra.cli..")
                .check(mainClasses);
    }

    @Test
    void cliDoesNotDependOnTheGui() {
        noClasses().that().resideInAPackage("dev.orchestra.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.orchestra.inspector..", "javafx..")
                .allowEmptyShould(true)
                .check(mainClasses);
    }
}
