package dev.ignis.registry.alias;

import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.function.FunctionService;
import dev.ignis.registry.function.FunctionViews;
import dev.ignis.registry.function.QualifiedFunctions;
import dev.ignis.registry.function.StoredFunction;
import dev.ignis.registry.version.VersionService;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Resolves a qualifier to a version through an alias when it is one; guards version deletes against aliases. */
@Component
class QualifierDirectory implements QualifiedFunctions {

    private final AliasService aliases;
    private final VersionService versions;
    private final FunctionService functions;
    private final FunctionViews views;

    QualifierDirectory(AliasService aliases, VersionService versions, FunctionService functions, FunctionViews views) {
        this.aliases = aliases;
        this.versions = versions;
        this.functions = functions;
        this.views = views;
    }

    @Override
    public Optional<StoredFunction> resolve(String functionName, String qualifier) {
        if (!AliasRules.isAliasName(qualifier)) {
            return versions.find(functionName, qualifier);
        }
        String shown = views.qualifiedArn(functionName, qualifier);
        return aliases.find(functionName, qualifier)
                .flatMap(alias -> alias.functionVersion().equals(AliasRules.LATEST)
                        ? functions.findLatest(functionName)
                        : versions.find(functionName, alias.functionVersion()))
                .map(function -> function.withArn(shown));
    }

    @Override
    public void deleteVersion(String functionName, String qualifier) {
        if (AliasRules.isAliasName(qualifier)) {
            throw LambdaApiException.invalidParameter("Deletion of aliases is not currently supported.");
        }
        functions.latest(functionName);
        List<String> referencing = aliases.aliasesPointingTo(functionName, qualifier);
        if (!referencing.isEmpty()) {
            throw LambdaApiException.conflict(
                    "Unable to delete version because the following aliases reference it: " + referencing);
        }
        versions.delete(functionName, qualifier);
    }
}
