package dev.ignis.registry.recursion;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Get/PutFunctionRecursionConfig (2024-08-31), on AWS's paths. */
@RestController
@RequestMapping("/2024-08-31/functions/{functionName}/recursion-config")
@Tag(name = "Recursion")
class RecursionConfigController {

    /** The body of PutFunctionRecursionConfig and the answer of both. */
    record RecursionConfig(String recursiveLoop) {}

    private final RecursionConfigService configs;

    RecursionConfigController(RecursionConfigService configs) {
        this.configs = configs;
    }

    @Operation(summary = "GetFunctionRecursionConfig")
    @GetMapping
    RecursionConfig get(@PathVariable String functionName) {
        return new RecursionConfig(configs.get(functionName));
    }

    @Operation(summary = "PutFunctionRecursionConfig")
    @PutMapping
    RecursionConfig put(@PathVariable String functionName, @RequestBody RecursionConfig request) {
        return new RecursionConfig(configs.put(functionName, request.recursiveLoop()));
    }
}
