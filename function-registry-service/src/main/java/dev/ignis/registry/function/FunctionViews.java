package dev.ignis.registry.function;

import dev.ignis.contracts.arn.LambdaArns;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.registry.api.AwsTime;
import dev.ignis.registry.code.Sha256;
import dev.ignis.registry.config.RegistryProperties;
import dev.ignis.registry.crypto.EnvironmentCipher;
import dev.ignis.registry.function.FunctionApi.FunctionConfiguration;
import dev.ignis.registry.serving.ServingStatus.Stage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The two mappings of a stored configuration: to the snapshot the data plane receives and to the
 * {@code FunctionConfiguration} the API answers with. Also seals and opens environments, the only
 * place that sees them in clear.
 */
@Component
public class FunctionViews {

    static final String LATEST = "$LATEST";

    private final RegistryProperties properties;
    private final EnvironmentCipher cipher;
    private final JsonMapper json = JsonMapper.builder().build();

    FunctionViews(RegistryProperties properties, EnvironmentCipher cipher) {
        this.properties = properties;
        this.cipher = cipher;
    }

    /** A published version: its snapshot is keyed by the qualified ARN. */
    public StoredFunction version(
            String functionName, int version, FunctionSettings settings, Instant lastModified, String revisionId) {
        String arn = qualifiedArn(functionName, Integer.toString(version));
        return stored(arn, functionName, Integer.toString(version), settings, lastModified, revisionId);
    }

    public String unqualifiedArn(String functionName) {
        return LambdaArns.function(properties.region(), properties.accountId(), functionName);
    }

    public String qualifiedArn(String functionName, String qualifier) {
        return LambdaArns.qualifiedFunction(properties.region(), properties.accountId(), functionName, qualifier);
    }

    StoredFunction latest(FunctionEntity e) {
        return stored(unqualifiedArn(e.name), e.name, LATEST, e.settings, e.lastModified, e.revisionId);
    }

    private static StoredFunction stored(
            String arn,
            String functionName,
            String version,
            FunctionSettings s,
            Instant lastModified,
            String revisionId) {
        FunctionSnapshot snapshot = new FunctionSnapshot(
                functionName,
                arn,
                version,
                s.runtime,
                s.handler,
                s.memorySize,
                s.timeout,
                s.ephemeralStorage,
                Sha256.base64OfHex(s.codeSha256Hex),
                s.codeSize,
                s.layers.stream()
                        .map(l -> new FunctionSnapshot.LayerRef(l.arn(), l.codeSha256(), l.codeSize()))
                        .toList(),
                s.environment,
                s.role,
                s.description,
                "Zip",
                List.of(s.architecture),
                "Active",
                lastModified,
                revisionId,
                s.deadLetterTarget);
        return new StoredFunction(arn, s.codeSha256Hex, snapshot, s.tracingMode, s.deadLetterTarget);
    }

    /** The API's view of a listed function: ListFunctions carries no state on AWS, served is implied. */
    public FunctionConfiguration configuration(StoredFunction function) {
        return configuration(function, Stage.SERVED);
    }

    /**
     * The API's view, with the environment in clear (AWS returns it to the account's callers), and
     * the state the data plane is in: {@code Pending} until a new function is served everywhere,
     * {@code LastUpdateStatus InProgress} until an update is.
     */
    public FunctionConfiguration configuration(StoredFunction function, Stage stage) {
        FunctionSnapshot s = function.snapshot();
        boolean latest = s.version().equals(LATEST);
        Map<String, String> variables = open(s.encryptedEnvironment());
        return new FunctionConfiguration(
                s.functionName(),
                function.arn(),
                s.runtime(),
                s.role(),
                s.handler(),
                s.codeSize(),
                s.description(),
                s.timeoutSeconds(),
                s.memorySizeMb(),
                AwsTime.format(s.lastModified()),
                s.codeSha256(),
                s.version(),
                variables == null ? null : new FunctionApi.Environment(variables),
                new FunctionApi.TracingConfig(function.tracingMode()),
                function.deadLetterTargetArn() == null
                        ? null
                        : new FunctionApi.DeadLetterConfig(function.deadLetterTargetArn()),
                s.revisionId(),
                stage == Stage.PENDING ? "Pending" : s.state(),
                latest ? (stage == Stage.SERVED ? "Successful" : "InProgress") : null,
                s.packageType(),
                s.architectures(),
                new FunctionApi.EphemeralStorage(s.ephemeralStorageMb()),
                new FunctionApi.SnapStart("None", "Off"),
                new FunctionApi.LoggingConfig("Text", "/aws/lambda/" + s.functionName()),
                s.layers().isEmpty()
                        ? null
                        : s.layers().stream()
                                .map(l -> new FunctionApi.Layer(l.layerVersionArn(), l.codeSize()))
                                .toList());
    }

    String seal(Map<String, String> variables) {
        if (variables == null || variables.isEmpty()) {
            return null;
        }
        return cipher.seal(json.writeValueAsString(variables));
    }

    private Map<String, String> open(String sealed) {
        if (sealed == null) {
            return null;
        }
        return json.readValue(cipher.open(sealed), new TypeReference<>() {});
    }
}
