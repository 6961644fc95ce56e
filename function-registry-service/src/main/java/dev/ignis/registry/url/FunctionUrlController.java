package dev.ignis.registry.url;

import dev.ignis.registry.api.AwsTime;
import dev.ignis.registry.api.Pages;
import dev.ignis.registry.url.FunctionUrlApi.CreateFunctionUrlConfigRequest;
import dev.ignis.registry.url.FunctionUrlApi.FunctionUrlConfig;
import dev.ignis.registry.url.FunctionUrlApi.ListFunctionUrlConfigsResponse;
import dev.ignis.registry.url.FunctionUrlApi.UpdateFunctionUrlConfigRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
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

/** Create/Get/Update/Delete/ListFunctionUrlConfig(s), on AWS's 2021-10-31 paths. */
@RestController
@RequestMapping("/2021-10-31/functions/{functionName}")
@Tag(name = "Function URLs")
class FunctionUrlController {

    private final FunctionUrlService urls;

    FunctionUrlController(FunctionUrlService urls) {
        this.urls = urls;
    }

    @Operation(summary = "CreateFunctionUrlConfig")
    @PostMapping("/url")
    ResponseEntity<FunctionUrlConfig> create(
            @PathVariable String functionName,
            @RequestParam(name = "Qualifier", required = false) String qualifier,
            @RequestBody CreateFunctionUrlConfigRequest request) {
        StoredUrl url = urls.create(functionName, qualifier, request);
        return ResponseEntity.status(HttpStatus.CREATED).body(configuration(url, false));
    }

    @Operation(summary = "GetFunctionUrlConfig")
    @GetMapping("/url")
    FunctionUrlConfig get(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        return configuration(urls.get(functionName, qualifier), true);
    }

    @Operation(summary = "UpdateFunctionUrlConfig")
    @PutMapping("/url")
    FunctionUrlConfig update(
            @PathVariable String functionName,
            @RequestParam(name = "Qualifier", required = false) String qualifier,
            @RequestBody UpdateFunctionUrlConfigRequest request) {
        return configuration(urls.update(functionName, qualifier, request), true);
    }

    @Operation(summary = "DeleteFunctionUrlConfig")
    @DeleteMapping("/url")
    ResponseEntity<Void> delete(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        urls.delete(functionName, qualifier);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "ListFunctionUrlConfigs")
    @GetMapping("/urls")
    ListFunctionUrlConfigsResponse list(
            @PathVariable String functionName,
            @RequestParam(name = "Marker", required = false) String marker,
            @RequestParam(name = "MaxItems", required = false, defaultValue = "50") int maxItems) {
        Pages.checkMaxItems(maxItems, 50);
        var page = Pages.of(urls.list(functionName, marker, maxItems + 1), maxItems, StoredUrl::functionArn)
                .map(url -> configuration(url, true));
        return new ListFunctionUrlConfigsResponse(page.items(), page.nextMarker());
    }

    private static FunctionUrlConfig configuration(StoredUrl url, boolean withLastModified) {
        return new FunctionUrlConfig(
                url.url(),
                url.functionArn(),
                url.authType(),
                url.cors(),
                AwsTime.isoMicros(url.creationTime()),
                withLastModified ? AwsTime.isoMicros(url.lastModified()) : null,
                url.invokeMode());
    }
}
