package dev.ignis.invocation;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * invocation-service shares only platform-contracts with other services, and the engine (its
 * environments, concurrency, sandboxes, Runtime API and code handling) knows no Spring: the
 * framework stays at the edges (invoke, catalog, config, provisioning).
 */
@AnalyzeClasses(packages = "dev.ignis.invocation", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses()
            .should()
            .dependOnClassesThat(resideInAPackage("dev.ignis..")
                    .and(DescribedPredicate.not(resideInAnyPackage("dev.ignis.invocation..", "dev.ignis.contracts.."))))
            .because("services meet only on the wire, through platform-contracts");

    @ArchTest
    static final ArchRule theEngineKnowsNoSpring = noClasses()
            .that()
            .resideInAnyPackage(
                    "dev.ignis.invocation.environment..",
                    "dev.ignis.invocation.concurrency..",
                    "dev.ignis.invocation.sandbox..",
                    "dev.ignis.invocation.runtimeapi..",
                    "dev.ignis.invocation.code..",
                    "dev.ignis.invocation.logs..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("org.springframework..")
            .because("placement, admission and lifecycles are plain code, tested without a context");
}
