package dev.orchestra.inspector;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import dev.orchestra.MainClassesOnly;
import dev.orchestra.inspector.common.BackgroundRunner;
import dev.orchestra.inspector.common.FxBackgroundRunner;
import javafx.animation.AnimationTimer;
import javafx.animation.Timeline;
import javafx.application.Platform;

/**
 * The GUI's own rules: one bridge to the FX thread (no second one, no view timers), one way to run a command,
 * ViewModels without Nodes, feature packages without cycles.
 */
@AnalyzeClasses(packages = "dev.orchestra.inspector", importOptions = MainClassesOnly.class)
class InspectorArchitectureTest {

    @ArchTest
    static final ArchRule onlyTheBackgroundRunnerPostsToTheFxThread = noClasses()
            .that().doNotHaveFullyQualifiedName(FxBackgroundRunner.class.getName())
            .should().callMethod(Platform.class, "runLater", Runnable.class)
            .because("BackgroundRunner is the one bridge from worker threads to the FX thread");

    @ArchTest
    static final ArchRule noSecondBridgeThroughJavaFxConcurrency = noClasses()
            .that().doNotHaveFullyQualifiedName(FxBackgroundRunner.class.getName())
            .should().dependOnClassesThat().resideInAPackage("javafx.concurrent..")
            .because("Task, Service and ScheduledService post to the FX thread themselves; ViewModels use "
                    + "AsyncCommand and ScheduledCommand, which go through BackgroundRunner");

    @ArchTest
    static final ArchRule noPollingOnFxAnimationTimers = noClasses()
            .that().doNotHaveFullyQualifiedName(FxBackgroundRunner.class.getName())
            .should().dependOnClassesThat().areAssignableTo(Timeline.class)
            .orShould().dependOnClassesThat().areAssignableTo(AnimationTimer.class)
            .because("periodic work is a ViewModel-owned ScheduledCommand, not a timer in a view");

    @ArchTest
    static final ArchRule onlyCommandsSubmitWorkToTheRunner = noClasses()
            .that().resideOutsideOfPackage("dev.orchestra.inspector.common..")
            .and().doNotHaveFullyQualifiedName(AppContext.class.getName())
            .should().callMethodWhere(DescribedPredicate.describe("BackgroundRunner.run",
                    (JavaMethodCall call) -> call.getName().equals("run")
                            && call.getTargetOwner().isAssignableTo(BackgroundRunner.class)))
            .because("features run work through AsyncCommand or ScheduledCommand, which keep the running, "
                    + "progress, error and cancel state in one place");

    @ArchTest
    static final ArchRule viewModelsHoldNoNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
            .because("ViewModels hold state and commands and are unit-tested without a toolkit");

    @ArchTest
    static final ArchRule featureSlicesAreFreeOfCycles = slices()
            .matching("dev.orchestra.inspector.(*)..")
            .should().beFreeOfCycles()
            .because("app-wide pieces live in common (shared by features) or app (wiring features together), "
                    + "so a feature can be read, changed and moved on its own");
}
