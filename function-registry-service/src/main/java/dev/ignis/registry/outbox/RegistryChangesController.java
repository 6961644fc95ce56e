package dev.ignis.registry.outbox;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The read-through endpoint of ADR 2: a service whose view misses a key asks for the newest
 * change recorded under it. The body is exactly the Kafka value (camelCase {@code RegistryChange}
 * JSON), the headers the Kafka headers; a key with no live resource is a 404 problem.
 */
@RestController
@Tag(name = "Registry changes")
class RegistryChangesController {

    private final LatestChangeRepository latest;

    private final RegistryGeneration generation;

    RegistryChangesController(LatestChangeRepository latest, RegistryGeneration generation) {
        this.latest = latest;
        this.generation = generation;
    }

    @Operation(summary = "The newest change recorded under a registry-changes record key")
    @GetMapping("/ignis/v1/registry/changes")
    @Transactional(readOnly = true)
    ResponseEntity<String> change(@RequestParam(name = "key", required = false) String key) {
        if (key == null || key.isBlank()) {
            throw problem(HttpStatus.BAD_REQUEST, "The query parameter 'key' is required.");
        }
        LatestChange change =
                latest.findById(key).orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No resource under key " + key));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(RegistryChangeHeaders.RESOURCE_TYPE, change.resourceType())
                .header(RegistryChangeHeaders.SEQUENCE, Long.toString(change.sequence()))
                .header(RegistryChangeHeaders.GENERATION, generation.header())
                .body(change.payload());
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
