package dev.ignis.registry.runtimemanagement;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.function.FunctionDeleted;
import dev.ignis.registry.function.FunctionService;
import dev.ignis.registry.function.FunctionViews;
import dev.ignis.registry.version.VersionDeleted;
import dev.ignis.registry.version.VersionService;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Get/PutRuntimeManagementConfig per {@code $LATEST} or published version (aliases are refused, as
 * on AWS). Ignis runs each runtime in the one build its hosts install, so the mode and a pinned
 * runtime version are stored and returned but choose nothing (see the README).
 */
@Service
class RuntimeManagementService {

    static final String LATEST = "$LATEST";
    static final String AUTO = "Auto";
    static final String MANUAL = "Manual";
    private static final List<String> MODES = List.of(AUTO, MANUAL, "FunctionUpdate");
    private static final String RUNTIME_VERSION_PATTERN =
            "^arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}::runtime:.+$";
    private static final Pattern RUNTIME_VERSION_ARN = Pattern.compile(RUNTIME_VERSION_PATTERN);
    private static final Pattern QUALIFIER = Pattern.compile("[a-zA-Z0-9$_-]{1,128}");

    private final RuntimeManagementRepository configs;
    private final FunctionService functions;
    private final VersionService versions;
    private final FunctionViews views;

    RuntimeManagementService(
            RuntimeManagementRepository configs,
            FunctionService functions,
            VersionService versions,
            FunctionViews views) {
        this.configs = configs;
        this.functions = functions;
        this.versions = versions;
        this.views = views;
    }

    /** What both operations answer. */
    record RuntimeManagement(String updateRuntimeOn, String runtimeVersionArn, String functionArn) {}

    @Transactional(readOnly = true)
    RuntimeManagement get(String functionName, String qualifier) {
        Target target = target(functionName, qualifier);
        return configs.findByFunctionNameAndQualifier(target.name(), target.qualifier())
                .map(c -> new RuntimeManagement(c.updateRuntimeOn, c.runtimeVersionArn, target.arn()))
                .orElseGet(() -> new RuntimeManagement(AUTO, null, target.arn()));
    }

    @Transactional
    RuntimeManagement put(String functionName, String qualifier, String updateRuntimeOn, String runtimeVersionArn) {
        checkMode(updateRuntimeOn, runtimeVersionArn);
        Target target = target(functionName, qualifier);
        RuntimeManagementEntity config = configs.findByFunctionNameAndQualifier(target.name(), target.qualifier())
                .orElseGet(RuntimeManagementEntity::new);
        config.functionName = target.name();
        config.qualifier = target.qualifier();
        config.updateRuntimeOn = updateRuntimeOn;
        config.runtimeVersionArn = runtimeVersionArn;
        configs.save(config);
        return new RuntimeManagement(updateRuntimeOn, runtimeVersionArn, target.arn());
    }

    @EventListener
    void onFunctionDeleted(FunctionDeleted deleted) {
        configs.deleteAll(configs.findByFunctionName(deleted.functionName()));
    }

    @EventListener
    void onVersionDeleted(VersionDeleted deleted) {
        configs.findByFunctionNameAndQualifier(deleted.functionName(), deleted.version())
                .ifPresent(configs::delete);
    }

    /** The model's checks, then the rule that a runtime version is pinned with Manual and only then. */
    private static void checkMode(String updateRuntimeOn, String runtimeVersionArn) {
        if (updateRuntimeOn == null) {
            throw LambdaApiException.validation(null, "updateRuntimeOn", "Member must not be null");
        }
        if (!MODES.contains(updateRuntimeOn)) {
            throw LambdaApiException.validation(
                    updateRuntimeOn, "updateRuntimeOn", "Member must satisfy enum value set: " + MODES);
        }
        if (runtimeVersionArn != null
                && (runtimeVersionArn.length() < 26
                        || runtimeVersionArn.length() > 2048
                        || !RUNTIME_VERSION_ARN.matcher(runtimeVersionArn).matches())) {
            throw LambdaApiException.validation(
                    runtimeVersionArn,
                    "runtimeVersionArn",
                    "Member must satisfy regular expression pattern: " + RUNTIME_VERSION_PATTERN);
        }
        if (updateRuntimeOn.equals(MANUAL) && runtimeVersionArn == null) {
            throw LambdaApiException.invalidParameter("RuntimeVersionArn is required when UpdateRuntimeOn is Manual.");
        }
        if (!updateRuntimeOn.equals(MANUAL) && runtimeVersionArn != null) {
            throw LambdaApiException.invalidParameter(
                    "RuntimeVersionArn can only be specified when UpdateRuntimeOn is Manual.");
        }
    }

    /** {@code $LATEST} or a version that exists; its ARN is unqualified for {@code $LATEST}. */
    private Target target(String functionName, String qualifierParameter) {
        FunctionRef ref = FunctionRef.parse(functionName, qualifierParameter);
        String name = ref.functionName();
        String qualifier = ref.qualifier().orElse(LATEST);
        if (!QUALIFIER.matcher(qualifier).matches()) {
            throw LambdaApiException.validation(
                    qualifier, "qualifier", "Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)");
        }
        functions.latest(name);
        if (qualifier.equals(LATEST)) {
            return new Target(name, LATEST, views.unqualifiedArn(name));
        }
        String arn = views.qualifiedArn(name, qualifier);
        if (!qualifier.matches("[0-9]+")) {
            throw LambdaApiException.invalidParameter(
                    "The provided function name " + arn + " is invalid. Aliases are not allowed.");
        }
        versions.find(name, qualifier).orElseThrow(() -> LambdaApiException.functionNotFound(arn));
        return new Target(name, qualifier, arn);
    }

    private record Target(String name, String qualifier, String arn) {}
}
