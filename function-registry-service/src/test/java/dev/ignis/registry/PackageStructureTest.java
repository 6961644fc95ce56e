package dev.ignis.registry;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Features depend one way (function ← version ← alias ← concurrency, url, policy, eventinvoke,
 * eventsource; version ← runtimemanagement; function ← tags, layer, recursion, codesigning); a
 * feature that needs something from a later one declares a port for it (QualifiedFunctions,
 * VersionPublisher, PublishedVersions, ConcurrencyLookup, FunctionTags, LayerResolver, CodeSigningCheck)
 * or listens for an event
 * (FunctionDeleted, VersionDeleted, AliasDeleted).
 */
@AnalyzeClasses(packages = "dev.ignis.registry", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageStructureTest {

    @ArchTest
    static final ArchRule noOtherServiceIsImported = noClasses()
            .should()
            .dependOnClassesThat(resideInAPackage("dev.ignis..")
                    .and(DescribedPredicate.not(resideInAnyPackage("dev.ignis.registry..", "dev.ignis.contracts.."))))
            .because("services meet only on the wire, through platform-contracts");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles =
            slices().matching("dev.ignis.registry.(*)..").should().beFreeOfCycles();
}
