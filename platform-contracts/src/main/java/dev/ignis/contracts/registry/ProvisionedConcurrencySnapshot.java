package dev.ignis.contracts.registry;

/**
 * Provisioned concurrency of one version or alias. Key: the qualified function ARN +
 * {@code #provisioned-concurrency}; a tombstone removes it.
 *
 * @param functionArn the qualified ARN ({@code ...:function:name:qualifier})
 * @param qualifier the version number or alias name it was configured on
 * @param requestedProvisionedConcurrentExecutions environments to keep initialised
 */
public record ProvisionedConcurrencySnapshot(
        String functionArn, String qualifier, int requestedProvisionedConcurrentExecutions) {}
