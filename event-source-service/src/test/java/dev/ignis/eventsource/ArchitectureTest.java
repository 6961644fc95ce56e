package dev.ignis.eventsource;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** event-source-service shares only platform-contracts with other services. */
@AnalyzeClasses(packages = "dev.ignis.eventsource", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses()
            .should()
            .dependOnClassesThat(resideInAPackage("dev.ignis..")
                    .and(DescribedPredicate.not(
                            resideInAnyPackage("dev.ignis.eventsource..", "dev.ignis.contracts.."))))
            .because("services meet only on the wire, through platform-contracts");
}
