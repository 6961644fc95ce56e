package dev.ignis.contracts.registry;

import java.time.Instant;
import java.util.List;

/**
 * What the data plane needs to run one function version ({@code $LATEST} or a published number).
 * The environment travels encrypted, exactly as stored; only the invocation service decrypts it.
 *
 * @param encryptedEnvironment the function's variables, sealed by the registry's key (null when none)
 * @param deadLetterTargetArn the DeadLetterConfig's SQS queue or SNS topic ARN, or null
 */
public record FunctionSnapshot(
        String functionName,
        String functionArn,
        String version,
        String runtime,
        String handler,
        int memorySizeMb,
        int timeoutSeconds,
        int ephemeralStorageMb,
        String codeSha256,
        long codeSize,
        List<LayerRef> layers,
        String encryptedEnvironment,
        String role,
        String description,
        String packageType,
        List<String> architectures,
        String state,
        Instant lastModified,
        String revisionId,
        String deadLetterTargetArn) {

    public FunctionSnapshot {
        layers = layers == null ? List.of() : List.copyOf(layers);
        architectures = architectures == null ? List.of("x86_64") : List.copyOf(architectures);
    }

    /** A layer version attached to a function, in extraction order. */
    public record LayerRef(String layerVersionArn, String codeSha256, long codeSize) {}
}
