package dev.ignis.registry.codesigning;

import dev.ignis.registry.api.Pages;
import dev.ignis.registry.codesigning.CodeSigningApi.CodeSigningConfig;
import dev.ignis.registry.codesigning.CodeSigningApi.CodeSigningConfigResponse;
import dev.ignis.registry.codesigning.CodeSigningApi.CreateCodeSigningConfigRequest;
import dev.ignis.registry.codesigning.CodeSigningApi.ListCodeSigningConfigsResponse;
import dev.ignis.registry.codesigning.CodeSigningApi.ListFunctionsByCodeSigningConfigResponse;
import dev.ignis.registry.codesigning.CodeSigningApi.UpdateCodeSigningConfigRequest;
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

/** The code signing config operations (2020-04-22), on AWS's paths; the ARN is a path segment. */
@RestController
@RequestMapping("/2020-04-22/code-signing-configs")
@Tag(name = "Code signing")
class CodeSigningConfigController {

    private static final int MAX_ITEMS = 10_000;

    private final CodeSigningService service;

    CodeSigningConfigController(CodeSigningService service) {
        this.service = service;
    }

    @Operation(summary = "CreateCodeSigningConfig")
    @PostMapping({"", "/"})
    ResponseEntity<CodeSigningConfigResponse> create(@RequestBody CreateCodeSigningConfigRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new CodeSigningConfigResponse(service.create(request)));
    }

    @Operation(summary = "ListCodeSigningConfigs")
    @GetMapping({"", "/"})
    ListCodeSigningConfigsResponse list(
            @RequestParam(name = "Marker", required = false) String marker,
            @RequestParam(name = "MaxItems", required = false, defaultValue = "50") int maxItems) {
        Pages.checkMaxItems(maxItems, MAX_ITEMS);
        var page = Pages.of(service.list(marker, maxItems + 1), maxItems, CodeSigningConfig::codeSigningConfigId);
        return new ListCodeSigningConfigsResponse(page.nextMarker(), page.items());
    }

    @Operation(summary = "GetCodeSigningConfig")
    @GetMapping("/{arn}")
    CodeSigningConfigResponse get(@PathVariable String arn) {
        return new CodeSigningConfigResponse(service.get(arn));
    }

    @Operation(summary = "UpdateCodeSigningConfig")
    @PutMapping("/{arn}")
    CodeSigningConfigResponse update(@PathVariable String arn, @RequestBody UpdateCodeSigningConfigRequest request) {
        return new CodeSigningConfigResponse(service.update(arn, request));
    }

    @Operation(summary = "DeleteCodeSigningConfig")
    @DeleteMapping("/{arn}")
    ResponseEntity<Void> delete(@PathVariable String arn) {
        service.delete(arn);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "ListFunctionsByCodeSigningConfig")
    @GetMapping("/{arn}/functions")
    ListFunctionsByCodeSigningConfigResponse functions(
            @PathVariable String arn,
            @RequestParam(name = "Marker", required = false) String marker,
            @RequestParam(name = "MaxItems", required = false, defaultValue = "50") int maxItems) {
        Pages.checkMaxItems(maxItems, MAX_ITEMS);
        var page = Pages.of(service.functionsUsing(arn, marker, maxItems + 1), maxItems, name -> name)
                .map(service::functionArn);
        return new ListFunctionsByCodeSigningConfigResponse(page.nextMarker(), page.items());
    }
}
