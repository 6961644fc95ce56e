package dev.ignis.registry.concurrency;

import dev.ignis.registry.api.AwsTime;
import dev.ignis.registry.api.Pages;
import dev.ignis.registry.concurrency.ConcurrencyApi.ListProvisionedConcurrencyConfigsResponse;
import dev.ignis.registry.concurrency.ConcurrencyApi.ProvisionedConcurrencyConfig;
import dev.ignis.registry.concurrency.ConcurrencyApi.ProvisionedConcurrencyConfigListItem;
import dev.ignis.registry.concurrency.ConcurrencyApi.PutProvisionedConcurrencyConfigRequest;
import dev.ignis.registry.concurrency.ProvisionedConcurrencyService.ProvisionedConfig;
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
 * list. Status is READY at once: all environments count as allocated and available.
 */
@RestController
@RequestMapping("/2019-09-30/functions/{functionName}/provisioned-concurrency")
@Tag(name = "Provisioned concurrency")
class ProvisionedConcurrencyController {

    private static final String READY = "READY";

    private final ProvisionedConcurrencyService provisioned;

    ProvisionedConcurrencyController(ProvisionedConcurrencyService provisioned) {
        this.provisioned = provisioned;
    }

    @Operation(summary = "PutProvisionedConcurrencyConfig")
    @PutMapping
    ResponseEntity<ProvisionedConcurrencyConfig> put(
            @PathVariable String functionName,
            @RequestParam(name = "Qualifier", required = false) String qualifier,
            @RequestBody PutProvisionedConcurrencyConfigRequest request) {
        ProvisionedConfig config = provisioned.put(functionName, qualifier, request.provisionedConcurrentExecutions());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(configuration(config));
    }

    @Operation(summary = "GetProvisionedConcurrencyConfig")
    @GetMapping(params = "!List")
    ProvisionedConcurrencyConfig get(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        return configuration(provisioned.get(functionName, qualifier));
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
                .map(ProvisionedConcurrencyController::listItem);
        return new ListProvisionedConcurrencyConfigsResponse(page.items(), page.nextMarker());
    }

    @Operation(summary = "DeleteProvisionedConcurrencyConfig")
    @DeleteMapping
    ResponseEntity<Void> delete(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        provisioned.delete(functionName, qualifier);
        return ResponseEntity.noContent().build();
    }

    private static ProvisionedConcurrencyConfig configuration(ProvisionedConfig c) {
        return new ProvisionedConcurrencyConfig(
                c.requested(), c.requested(), c.requested(), READY, null, AwsTime.format(c.lastModified()));
    }

    private static ProvisionedConcurrencyConfigListItem listItem(ProvisionedConfig c) {
        return new ProvisionedConcurrencyConfigListItem(
                c.functionArn(),
                c.requested(),
                c.requested(),
                c.requested(),
                READY,
                null,
                AwsTime.format(c.lastModified()));
    }
}
