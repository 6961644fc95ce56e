package dev.ignis.registry.function;

/**
 * Publishes {@code $LATEST} as a version: what {@code Publish: true} on CreateFunction and
 * UpdateFunctionCode asks for. Implemented by the version feature.
 *
 * <p>Contract: runs in the caller's transaction; returns the new version, or the latest version
 * unchanged when {@code $LATEST} has not changed since it was published.
 */
public interface VersionPublisher {

    StoredFunction publish(String functionName, String description, String codeSha256, String revisionId);
}
