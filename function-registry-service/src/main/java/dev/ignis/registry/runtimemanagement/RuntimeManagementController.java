package dev.ignis.registry.runtimemanagement;

import dev.ignis.registry.runtimemanagement.RuntimeManagementService.RuntimeManagement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Get/PutRuntimeManagementConfig (2021-07-20), on AWS's paths. */
@RestController
@RequestMapping("/2021-07-20/functions/{functionName}/runtime-management-config")
@Tag(name = "Runtime management")
class RuntimeManagementController {

    record PutRuntimeManagementConfigRequest(String updateRuntimeOn, String runtimeVersionArn) {}

    private final RuntimeManagementService configs;

    RuntimeManagementController(RuntimeManagementService configs) {
        this.configs = configs;
    }

    @Operation(summary = "GetRuntimeManagementConfig")
    @GetMapping
    RuntimeManagement get(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        return configs.get(functionName, qualifier);
    }

    @Operation(summary = "PutRuntimeManagementConfig")
    @PutMapping
    RuntimeManagement put(
            @PathVariable String functionName,
            @RequestParam(name = "Qualifier", required = false) String qualifier,
            @RequestBody PutRuntimeManagementConfigRequest request) {
        return configs.put(functionName, qualifier, request.updateRuntimeOn(), request.runtimeVersionArn());
    }
}
