package dev.ignis.registry.eventinvoke;

import dev.ignis.contracts.registry.EventInvokeConfigSnapshot;
import dev.ignis.registry.api.Pages;
import dev.ignis.registry.eventinvoke.EventInvokeApi.Destination;
import dev.ignis.registry.eventinvoke.EventInvokeApi.DestinationConfig;
import dev.ignis.registry.eventinvoke.EventInvokeApi.EventInvokeConfigRequest;
import dev.ignis.registry.eventinvoke.EventInvokeApi.FunctionEventInvokeConfig;
import dev.ignis.registry.eventinvoke.EventInvokeApi.ListFunctionEventInvokeConfigsResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Put/Update/Get/Delete/ListFunctionEventInvokeConfig(s), on AWS's 2019-09-25 paths. */
@RestController
@RequestMapping("/2019-09-25/functions/{functionName}/event-invoke-config")
@Tag(name = "Asynchronous invocation")
class EventInvokeConfigController {

    private final EventInvokeConfigService configs;

    EventInvokeConfigController(EventInvokeConfigService configs) {
        this.configs = configs;
    }

    @Operation(summary = "PutFunctionEventInvokeConfig")
    @PutMapping
    FunctionEventInvokeConfig put(
            @PathVariable String functionName,
            @RequestParam(name = "Qualifier", required = false) String qualifier,
            @RequestBody EventInvokeConfigRequest request) {
        return view(configs.put(functionName, qualifier, request));
    }

    @Operation(summary = "UpdateFunctionEventInvokeConfig")
    @PostMapping
    FunctionEventInvokeConfig update(
            @PathVariable String functionName,
            @RequestParam(name = "Qualifier", required = false) String qualifier,
            @RequestBody EventInvokeConfigRequest request) {
        return view(configs.update(functionName, qualifier, request));
    }

    @Operation(summary = "GetFunctionEventInvokeConfig")
    @GetMapping
    FunctionEventInvokeConfig get(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        return view(configs.get(functionName, qualifier));
    }

    @Operation(summary = "DeleteFunctionEventInvokeConfig")
    @DeleteMapping
    ResponseEntity<Void> delete(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        configs.delete(functionName, qualifier);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "ListFunctionEventInvokeConfigs")
    @GetMapping("/list")
    ListFunctionEventInvokeConfigsResponse list(
            @PathVariable String functionName,
            @RequestParam(name = "Marker", required = false) String marker,
            @RequestParam(name = "MaxItems", required = false, defaultValue = "50") int maxItems) {
        Pages.checkMaxItems(maxItems, 50);
        var page = Pages.of(
                        configs.list(functionName, marker, maxItems + 1),
                        maxItems,
                        EventInvokeConfigSnapshot::qualifier)
                .map(EventInvokeConfigController::view);
        return new ListFunctionEventInvokeConfigsResponse(page.items(), page.nextMarker());
    }

    /** The API shows {@code $LATEST}'s settings under {@code :$LATEST}, and both destinations, empty or not. */
    private static FunctionEventInvokeConfig view(EventInvokeConfigSnapshot c) {
        String arn = c.qualifier().equals(EventInvokeConfigService.LATEST)
                ? c.functionArn() + ":" + EventInvokeConfigService.LATEST
                : c.functionArn();
        return new FunctionEventInvokeConfig(
                BigDecimal.valueOf(c.lastModified().toEpochMilli(), 3),
                arn,
                c.maximumRetryAttempts(),
                c.maximumEventAgeInSeconds(),
                new DestinationConfig(
                        new Destination(c.onSuccessDestination()), new Destination(c.onFailureDestination())));
    }
}
