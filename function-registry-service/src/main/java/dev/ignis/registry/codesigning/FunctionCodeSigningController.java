package dev.ignis.registry.codesigning;

import dev.ignis.registry.codesigning.CodeSigningApi.FunctionCodeSigningConfig;
import dev.ignis.registry.codesigning.CodeSigningApi.PutFunctionCodeSigningConfigRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Put/Get/DeleteFunctionCodeSigningConfig (2020-06-30), on AWS's paths. */
@RestController
@RequestMapping("/2020-06-30/functions/{functionName}/code-signing-config")
@Tag(name = "Code signing")
class FunctionCodeSigningController {

    private final CodeSigningService service;

    FunctionCodeSigningController(CodeSigningService service) {
        this.service = service;
    }

    @Operation(summary = "PutFunctionCodeSigningConfig")
    @PutMapping
    FunctionCodeSigningConfig put(
            @PathVariable String functionName, @RequestBody PutFunctionCodeSigningConfigRequest request) {
        return service.putForFunction(functionName, request.codeSigningConfigArn());
    }

    @Operation(summary = "GetFunctionCodeSigningConfig")
    @GetMapping
    FunctionCodeSigningConfig get(@PathVariable String functionName) {
        return service.getForFunction(functionName);
    }

    @Operation(summary = "DeleteFunctionCodeSigningConfig")
    @DeleteMapping
    ResponseEntity<Void> delete(@PathVariable String functionName) {
        service.deleteForFunction(functionName);
        return ResponseEntity.noContent().build();
    }
}
