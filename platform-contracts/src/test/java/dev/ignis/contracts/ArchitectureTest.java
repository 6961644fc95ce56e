package dev.ignis.contracts;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** platform-contracts is shared by every service, so it may depend on the JDK and nothing else. */
@AnalyzeClasses(packages = "dev.ignis.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule contractsDependOnTheJdkOnly = classes()
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "javax.crypto..", "dev.ignis.contracts..")
            .because("platform-contracts holds plain wire types: no Spring, no Jackson, no helpers");
}
