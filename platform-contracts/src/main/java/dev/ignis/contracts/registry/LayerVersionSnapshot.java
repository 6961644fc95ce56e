package dev.ignis.contracts.registry;

import java.time.Instant;
import java.util.List;

/**
 * One published layer version (PublishLayerVersion). Key: its layer version ARN; a tombstone means
 * the version was deleted. Functions that already use a deleted version keep running it: their
 * {@link FunctionSnapshot.LayerRef} carries the package's SHA-256, and the package stays in the
 * registry's code store.
 *
 * @param layerArn the layer's ARN, without a version ({@code arn:aws:lambda:<region>:<account>:layer:<name>})
 * @param layerVersionArn {@code layerArn:<version>}
 * @param codeSha256 the SHA-256 of the ZIP in base64, as Lambda reports it
 * @param codeSize the ZIP's size in bytes
 * @param compatibleRuntimes empty when none were declared
 * @param compatibleArchitectures empty when none were declared
 * @param licenseInfo null when none
 */
public record LayerVersionSnapshot(
        String layerName,
        String layerArn,
        String layerVersionArn,
        long version,
        String description,
        String codeSha256,
        long codeSize,
        List<String> compatibleRuntimes,
        List<String> compatibleArchitectures,
        String licenseInfo,
        Instant createdDate) {

    public LayerVersionSnapshot {
        compatibleRuntimes = compatibleRuntimes == null ? List.of() : List.copyOf(compatibleRuntimes);
        compatibleArchitectures = compatibleArchitectures == null ? List.of() : List.copyOf(compatibleArchitectures);
    }
}
