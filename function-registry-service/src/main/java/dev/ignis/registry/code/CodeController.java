package dev.ignis.registry.code;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.registry.api.LambdaApiException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves packages by hash: where GetFunction's {@code Code.Location} points, through the gateway
 * (which checks the link's presign). Only code a live function, published version or layer version
 * references: a package that nothing references any more is gone for callers, as on AWS.
 */
@RestController
class CodeController {

    private final CodeStore store;
    private final JdbcClient jdbc;

    CodeController(CodeStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @Operation(summary = "Download a function package by its SHA-256")
    @GetMapping("/ignis/v1/code/{sha256Hex}")
    @Transactional(readOnly = true)
    public ResponseEntity<InputStreamResource> download(@PathVariable String sha256Hex) {
        if (!isReferenced(sha256Hex)) {
            throw new LambdaApiException(LambdaErrorType.RESOURCE_NOT_FOUND, "No code " + sha256Hex);
        }
        return store.open(sha256Hex)
                .map(in -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType("application/zip"))
                        .body(new InputStreamResource(in)))
                .orElseThrow(() -> new LambdaApiException(LambdaErrorType.RESOURCE_NOT_FOUND, "No code " + sha256Hex));
    }

    private boolean isReferenced(String sha256Hex) {
        return jdbc.sql("SELECT COUNT(*) FROM lambda_function WHERE code_sha256 = :sha")
                                .param("sha", sha256Hex)
                                .query(Long.class)
                                .single()
                        + jdbc.sql("SELECT COUNT(*) FROM function_version WHERE code_sha256 = :sha")
                                .param("sha", sha256Hex)
                                .query(Long.class)
                                .single()
                        + jdbc.sql("SELECT COUNT(*) FROM layer_version WHERE code_sha256 = :sha")
                                .param("sha", sha256Hex)
                                .query(Long.class)
                                .single()
                > 0;
    }
}
