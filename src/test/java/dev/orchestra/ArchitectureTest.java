package dev.orchestra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering in ARCHITECTURE.md: the storage library knows nothing of JavaFX, the GUI or the CLI, and inside it
 * each package depends only on the layers below it.
 */
class ArchitectureTest {
    private static final String STORAGE = "dev.orchestra.storage";

    /** One slice per storage package; the root package (the contract) is a slice of its own. */
    private static final SliceAssignment STORAGE_PACKAGES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals(STORAGE)) {
                return SliceIdentifier.of("storage");
            }
            if (!name.startsWith(STORAGE + ".")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of("storage." + name.substring(STORAGE.length() + 1).split("\\.")[0]);
        }

        @Override
        public String getDescription() {
            return "the storage library's packages";
        }
    };

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

    @Test
    void storagePackagesAreFreeOfCycles() {
        slices().assignedFrom(STORAGE_PACKAGES).should().beFreeOfCycles().check(mainClasses);
    }

    @Test
    void storageIsLayered() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Errors").definedBy(STORAGE + ".error..")
                .layer("Values").definedBy(STORAGE + ".model..", STORAGE + ".config..")
                .layer("Rules").definedBy(STORAGE + ".validation..", STORAGE + ".mapping..", STORAGE + ".schema..")
                .layer("Contract").definedBy(STORAGE)
                .layer("Stores").definedBy(STORAGE + ".mongo..", STORAGE + ".inmemory..", STORAGE + ".redis..")
                .layer("Decorators").definedBy(STORAGE + ".tiered..", STORAGE + ".safety..")
                .layer("Services").definedBy(STORAGE + ".transfer..", STORAGE + ".indexes..", STORAGE + ".health..",
                        STORAGE + ".generator..", STORAGE + ".coherence..")
                .layer("Factory").definedBy(STORAGE + ".factory..")
                .whereLayer("Errors").mayNotAccessAnyLayer()
                .whereLayer("Values").mayOnlyAccessLayers("Errors")
                .whereLayer("Rules").mayOnlyAccessLayers("Errors", "Values")
                .whereLayer("Contract").mayOnlyAccessLayers("Errors", "Values", "Rules")
                .whereLayer("Stores").mayOnlyAccessLayers("Errors", "Values", "Rules", "Contract")
                .whereLayer("Decorators").mayOnlyAccessLayers("Errors", "Values", "Rules", "Contract", "Stores")
                .whereLayer("Services").mayOnlyAccessLayers("Errors", "Values", "Rules", "Contract", "Stores",
                        "Decorators")
                .whereLayer("Factory").mayNotBeAccessedByAnyLayer()
                .check(mainClasses);
    }
}
