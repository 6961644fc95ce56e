package dev.ignis.registry.code;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.registry.api.LambdaApiException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Serves packages by hash: where GetFunction's {@code Code.Location} points, through the gateway. */
@RestController
class CodeController {

    private final CodeStore store;

    CodeController(CodeStore store) {
        this.store = store;
    }

    @Operation(summary = "Download a function package by its SHA-256")
    @GetMapping("/ignis/v1/code/{sha256Hex}")
    ResponseEntity<InputStreamResource> download(@PathVariable String sha256Hex) {
        return store.open(sha256Hex)
                .map(in -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/zip"))
                        .body(new InputStreamResource(in)))
                .orElseThrow(() -> new LambdaApiException(LambdaErrorType.RESOURCE_NOT_FOUND, "No code " + sha256Hex));
    }
}
