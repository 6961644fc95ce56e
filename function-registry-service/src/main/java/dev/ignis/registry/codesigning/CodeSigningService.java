package dev.ignis.registry.codesigning;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.registry.api.AwsTime;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.codesigning.CodeSigningApi.AllowedPublishers;
import dev.ignis.registry.codesigning.CodeSigningApi.CodeSigningConfig;
import dev.ignis.registry.codesigning.CodeSigningApi.CodeSigningPolicies;
import dev.ignis.registry.codesigning.CodeSigningApi.CreateCodeSigningConfigRequest;
import dev.ignis.registry.codesigning.CodeSigningApi.FunctionCodeSigningConfig;
import dev.ignis.registry.codesigning.CodeSigningApi.UpdateCodeSigningConfigRequest;
import dev.ignis.registry.function.FunctionDeleted;
import dev.ignis.registry.function.FunctionService;
import dev.ignis.registry.function.FunctionViews;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Code signing configs and which function uses which, stored and answered as AWS does; what they
 * let through on a deployment is {@link CodeSigningGate}'s answer.
 */
@Service
class CodeSigningService {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CodeSigningConfigRepository configs;
    private final FunctionCodeSigningRepository bindings;
    private final CodeSigningGate gate;
    private final FunctionService functions;
    private final FunctionViews views;
    private final Clock clock;

    CodeSigningService(
            CodeSigningConfigRepository configs,
            FunctionCodeSigningRepository bindings,
            CodeSigningGate gate,
            FunctionService functions,
            FunctionViews views,
            Clock clock) {
        this.configs = configs;
        this.bindings = bindings;
        this.gate = gate;
        this.functions = functions;
        this.views = views;
        this.clock = clock;
    }

    @Transactional
    CodeSigningConfig create(CreateCodeSigningConfigRequest request) {
        CodeSigningRules.checkDescription(request.description());
        CodeSigningRules.checkPublishers(request.allowedPublishers(), true);
        String policy = CodeSigningRules.policy(request.codeSigningPolicies());
        if (request.tags() != null && !request.tags().isEmpty()) {
            throw LambdaApiException.invalidParameter(
                    "Tags on code signing configurations are not supported by Ignis.");
        }
        CodeSigningConfigEntity config = new CodeSigningConfigEntity();
        config.id = "csc-" + HexFormat.of().formatHex(randomBytes()).substring(0, 17);
        config.description = request.description() == null ? "" : request.description();
        config.signingProfileVersionArns =
                JSON.writeValueAsString(request.allowedPublishers().signingProfileVersionArns());
        config.untrustedArtifactOnDeployment = policy == null ? CodeSigningRules.WARN : policy;
        config.lastModified = clock.instant();
        configs.save(config);
        return view(config);
    }

    @Transactional(readOnly = true)
    CodeSigningConfig get(String arn) {
        return view(load(arn));
    }

    @Transactional(readOnly = true)
    List<CodeSigningConfig> list(String marker, int limit) {
        return configs.findByIdGreaterThanOrderByIdAsc(marker == null ? "" : marker, Limit.of(limit)).stream()
                .map(this::view)
                .toList();
    }

    @Transactional
    CodeSigningConfig update(String arn, UpdateCodeSigningConfigRequest request) {
        CodeSigningConfigEntity config = load(arn);
        CodeSigningRules.checkDescription(request.description());
        CodeSigningRules.checkPublishers(request.allowedPublishers(), false);
        String policy = CodeSigningRules.policy(request.codeSigningPolicies());
        Optional.ofNullable(request.description()).ifPresent(d -> config.description = d);
        if (request.allowedPublishers() != null) {
            config.signingProfileVersionArns =
                    JSON.writeValueAsString(request.allowedPublishers().signingProfileVersionArns());
        }
        Optional.ofNullable(policy).ifPresent(p -> config.untrustedArtifactOnDeployment = p);
        config.lastModified = clock.instant();
        configs.save(config);
        return view(config);
    }

    /** Only a config no function uses can be deleted. */
    @Transactional
    void delete(String arn) {
        CodeSigningConfigEntity config = load(arn);
        if (bindings.existsByConfigId(config.id)) {
            throw LambdaApiException.conflict(
                    "The code signing configuration " + arn + " cannot be deleted because it is used by functions.");
        }
        configs.delete(config);
    }

    /** Function ARNs, in name order; the marker is the last function name shown. */
    @Transactional(readOnly = true)
    List<String> functionsUsing(String arn, String marker, int limit) {
        CodeSigningConfigEntity config = load(arn);
        return bindings
                .findByConfigIdAndFunctionNameGreaterThanOrderByFunctionNameAsc(
                        config.id, marker == null ? "" : marker, Limit.of(limit))
                .stream()
                .map(b -> b.functionName)
                .toList();
    }

    String functionArn(String functionName) {
        return views.unqualifiedArn(functionName);
    }

    /** The config must exist before the function is looked at, as on AWS. */
    @Transactional
    FunctionCodeSigningConfig putForFunction(String functionName, String arn) {
        CodeSigningConfigEntity config = gate.findForBinding(arn);
        String name = existingFunction(functionName);
        FunctionCodeSigningEntity binding = bindings.findById(name).orElseGet(FunctionCodeSigningEntity::new);
        binding.functionName = name;
        binding.configId = config.id;
        bindings.save(binding);
        return new FunctionCodeSigningConfig(gate.arnOf(config.id), name);
    }

    @Transactional(readOnly = true)
    FunctionCodeSigningConfig getForFunction(String functionName) {
        String name = existingFunction(functionName);
        return bindings.findById(name)
                .map(b -> new FunctionCodeSigningConfig(gate.arnOf(b.configId), name))
                .orElseGet(() -> new FunctionCodeSigningConfig(null, null));
    }

    @Transactional
    void deleteForFunction(String functionName) {
        bindings.deleteById(existingFunction(functionName));
    }

    @EventListener
    void onFunctionDeleted(FunctionDeleted deleted) {
        bindings.deleteById(deleted.functionName());
    }

    private CodeSigningConfigEntity load(String arn) {
        return gate.find(arn)
                .orElseThrow(() -> new LambdaApiException(
                        LambdaErrorType.RESOURCE_NOT_FOUND,
                        "The Lambda code signing configuration " + arn + " can not be found."));
    }

    private String existingFunction(String functionName) {
        return functions.latest(FunctionRef.parse(functionName).functionName()).functionName();
    }

    private CodeSigningConfig view(CodeSigningConfigEntity c) {
        List<String> profiles = JSON.readValue(c.signingProfileVersionArns, new TypeReference<>() {});
        return new CodeSigningConfig(
                c.id,
                gate.arnOf(c.id),
                c.description,
                new AllowedPublishers(profiles),
                new CodeSigningPolicies(c.untrustedArtifactOnDeployment),
                AwsTime.format(c.lastModified));
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
