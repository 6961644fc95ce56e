package dev.ignis.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * platform-contracts is shared by every service, so it may depend on the JDK and nothing else
 * ({@code javax.crypto} is the JDK's HMAC, for the function-credential rule both ends compute). The
 * one exception is the schedule package: AWS's cron syntax is read by cron-utils there, so that the
 * registry's validation and event-source-service's firing cannot disagree.
 */
@AnalyzeClasses(packages = "dev.ignis.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule contractsDependOnTheJdkOnly = classes()
            .that()
            .resideOutsideOfPackage("dev.ignis.contracts.schedule..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "javax.crypto..", "dev.ignis.contracts..")
            .because("platform-contracts holds plain wire types: no Spring, no Jackson, no helpers");

    @ArchTest
    static final ArchRule schedulesDependOnTheJdkAndCronUtilsOnly = classes()
            .that()
            .resideInAPackage("dev.ignis.contracts.schedule..")
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "com.cronutils..", "dev.ignis.contracts..")
            .because("AWS's cron syntax is cron-utils' job; nothing else comes in with it");
}
