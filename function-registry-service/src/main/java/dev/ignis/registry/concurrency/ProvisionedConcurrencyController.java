package dev.ignis.registry.concurrency;

import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.registry.api.AwsTime;
import dev.ignis.registry.api.Pages;
import dev.ignis.registry.concurrency.ConcurrencyApi.ListProvisionedConcurrencyConfigsResponse;
import dev.ignis.registry.concurrency.ConcurrencyApi.ProvisionedConcurrencyConfig;
import dev.ignis.registry.concurrency.ConcurrencyApi.ProvisionedConcurrencyConfigListItem;
import dev.ignis.registry.concurrency.ConcurrencyApi.PutProvisionedConcurrencyConfigRequest;
import dev.ignis.registry.concurrency.ProvisionedConcurrencyService.ProvisionedConfig;
import dev.ignis.registry.serving.ServingStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Provisioned concurrency (2019-09-30). Get and List share a path: {@code ?List=ALL} makes it a
 * list. Status is IN_PROGRESS until every invocation-service replica serves the configuration
 * ({@link ServingStatus}), then READY with all environments counted as allocated and available.
 */
@RestController
@RequestMapping("/2019-09-30/functions/{functionName}/provisioned-concurrency")
@Tag(name = "Provisioned concurrency")
class ProvisionedConcurrencyController {

    private final ProvisionedConcurrencyService provisioned;
    private final ServingStatus serving;

    ProvisionedConcurrencyController(ProvisionedConcurrencyService provisioned, ServingStatus serving) {
        this.provisioned = provisioned;
        this.serving = serving;
    }

    @Operation(summary = "PutProvisionedConcurrencyConfig")
    @PutMapping
    ResponseEntity<ProvisionedConcurrencyConfig> put(
            @PathVariable String functionName,
            @RequestParam(name = "Qualifier", required = false) String qualifier,
            @RequestBody PutProvisionedConcurrencyConfigRequest request) {
        ProvisionedConfig config = provisioned.put(functionName, qualifier, request.provisionedConcurrentExecutions());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(configuration(config, false));
    }

    @Operation(summary = "GetProvisionedConcurrencyConfig")
    @GetMapping(params = "!List")
    ProvisionedConcurrencyConfig get(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        ProvisionedConfig config = provisioned.get(functionName, qualifier);
        return configuration(config, ready(config));
    }

    @Operation(summary = "ListProvisionedConcurrencyConfigs")
    @GetMapping(params = "List")
    ListProvisionedConcurrencyConfigsResponse list(
            @PathVariable String functionName,
            @RequestParam(name = "Marker", required = false) String marker,
            @RequestParam(name = "MaxItems", required = false, defaultValue = "50") int maxItems) {
        Pages.checkMaxItems(maxItems, 50);
        var page = Pages.of(
                        provisioned.list(functionName, marker, maxItems + 1), maxItems, ProvisionedConfig::qualifier)
                .map(c -> listItem(c, ready(c)));
        return new ListProvisionedConcurrencyConfigsResponse(page.items(), page.nextMarker());
    }

    @Operation(summary = "DeleteProvisionedConcurrencyConfig")
    @DeleteMapping
    ResponseEntity<Void> delete(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        provisioned.delete(functionName, qualifier);
        return ResponseEntity.noContent().build();
    }

    private boolean ready(ProvisionedConfig c) {
        return serving.stage(ResourceType.PROVISIONED_CONCURRENCY.keyFor(c.functionArn()))
                == ServingStatus.Stage.SERVED;
    }

    private static ProvisionedConcurrencyConfig configuration(ProvisionedConfig c, boolean ready) {
        int allocated = ready ? c.requested() : 0;
        return new ProvisionedConcurrencyConfig(
                c.requested(), allocated, allocated, status(ready), null, AwsTime.format(c.lastModified()));
    }

    private static ProvisionedConcurrencyConfigListItem listItem(ProvisionedConfig c, boolean ready) {
        int allocated = ready ? c.requested() : 0;
        return new ProvisionedConcurrencyConfigListItem(
                c.functionArn(),
                c.requested(),
                allocated,
                allocated,
                status(ready),
                null,
                AwsTime.format(c.lastModified()));
    }

    private static String status(boolean ready) {
        return ready ? "READY" : "IN_PROGRESS";
    }
}
