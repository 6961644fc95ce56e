package dev.ignis.registry.concurrency;

import java.util.List;

/** The concurrency operations' and GetAccountSettings' shapes, as the Lambda API names their fields. */
final class ConcurrencyApi {

    private ConcurrencyApi() {}

    record Concurrency(Integer reservedConcurrentExecutions) {}

    record PutProvisionedConcurrencyConfigRequest(Integer provisionedConcurrentExecutions) {}

    record ProvisionedConcurrencyConfig(
            Integer requestedProvisionedConcurrentExecutions,
            Integer availableProvisionedConcurrentExecutions,
            Integer allocatedProvisionedConcurrentExecutions,
            String status,
            String statusReason,
            String lastModified) {}

    record ProvisionedConcurrencyConfigListItem(
            String functionArn,
            Integer requestedProvisionedConcurrentExecutions,
            Integer availableProvisionedConcurrentExecutions,
            Integer allocatedProvisionedConcurrentExecutions,
            String status,
            String statusReason,
            String lastModified) {}

    record ListProvisionedConcurrencyConfigsResponse(
            List<ProvisionedConcurrencyConfigListItem> provisionedConcurrencyConfigs, String nextMarker) {}

    record AccountLimit(
            long totalCodeSize,
            long codeSizeUnzipped,
            long codeSizeZipped,
            int concurrentExecutions,
            int unreservedConcurrentExecutions) {}

    record AccountUsage(long totalCodeSize, long functionCount) {}

    record GetAccountSettingsResponse(AccountLimit accountLimit, AccountUsage accountUsage) {}
}
