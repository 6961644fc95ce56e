package dev.ignis.registry.codesigning;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.codesigning.CodeSigningRules.ConfigArn;
import dev.ignis.registry.config.RegistryProperties;
import dev.ignis.registry.function.CodeSigningCheck;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The deployment check behind {@link CodeSigningCheck}, and the lookup of configs by ARN. Ignis has
 * no signer, so all code is unsigned: {@code Enforce} refuses it, {@code Warn} lets it through with
 * a logged warning. Needs nothing of the function feature, which calls it.
 */
@Component
class CodeSigningGate implements CodeSigningCheck {

    private static final Logger log = LoggerFactory.getLogger(CodeSigningGate.class);

    private final CodeSigningConfigRepository configs;
    private final FunctionCodeSigningRepository bindings;
    private final RegistryProperties properties;

    CodeSigningGate(
            CodeSigningConfigRepository configs,
            FunctionCodeSigningRepository bindings,
            RegistryProperties properties) {
        this.configs = configs;
        this.bindings = bindings;
        this.properties = properties;
    }

    @Override
    public void admitNew(String functionName, String codeSigningConfigArn) {
        if (codeSigningConfigArn == null || codeSigningConfigArn.isEmpty()) {
            return;
        }
        CodeSigningConfigEntity config = findForBinding(codeSigningConfigArn);
        admit(functionName, config);
        FunctionCodeSigningEntity binding = new FunctionCodeSigningEntity();
        binding.functionName = functionName;
        binding.configId = config.id;
        bindings.save(binding);
    }

    @Override
    public void admitCode(String functionName) {
        bindings.findById(functionName)
                .flatMap(b -> configs.findById(b.configId))
                .ifPresent(config -> admit(functionName, config));
    }

    /** Every package on Ignis is unsigned (there is no signer to sign or verify it). */
    private void admit(String functionName, CodeSigningConfigEntity config) {
        if (config.untrustedArtifactOnDeployment.equals(CodeSigningRules.ENFORCE)) {
            throw new LambdaApiException(
                    LambdaErrorType.CODE_VERIFICATION_FAILED,
                    "The code signature failed one or more of the validation checks for signature mismatch or expiry,"
                            + " and the code signing policy is set to ENFORCE. Lambda blocks the deployment.");
        }
        log.warn(
                "Deploying unsigned code to function {}: code signing config {} has policy Warn",
                functionName,
                config.id);
    }

    /** Put and CreateFunction name a missing config with their own error type. */
    CodeSigningConfigEntity findForBinding(String arn) {
        return find(arn)
                .orElseThrow(() -> new LambdaApiException(
                        LambdaErrorType.CODE_SIGNING_CONFIG_NOT_FOUND,
                        "The code signing configuration cannot be found. Check that the provided configuration is"
                                + " not deleted: " + arn + "."));
    }

    Optional<CodeSigningConfigEntity> find(String arn) {
        ConfigArn parsed = CodeSigningRules.configArn(arn);
        if (!parsed.region().equals(properties.region()) || !parsed.accountId().equals(properties.accountId())) {
            return Optional.empty();
        }
        return configs.findById(parsed.id());
    }

    String arnOf(String id) {
        return "arn:aws:lambda:" + properties.region() + ":" + properties.accountId() + ":code-signing-config:" + id;
    }
}
