package dev.ignis.registry.eventsource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ignis's internal endpoint for event-source-service's pollers: the State and LastProcessingResult
 * they reached. Not part of the Lambda API (the gateway does not route it); answers RFC 9457
 * problems. 204 when taken (or already so), 404 for an unknown mapping, 409 for a report about an
 * older configuration or one that contradicts what the user asked for.
 */
@RestController
@Tag(name = "Event source mapping status")
class MappingStatusController {

    private static final int MAX_RESULT = 256;

    private final EventSourceMappingService mappings;

    MappingStatusController(EventSourceMappingService mappings) {
        this.mappings = mappings;
    }

    @Operation(summary = "A poller reports the state and processing result of a mapping")
    @PutMapping("/ignis/v1/event-source-mappings/{uuid}/status")
    ResponseEntity<Void> report(@PathVariable String uuid, @RequestBody MappingStatusReport report) {
        if (report.basedOn() == null) {
            throw problem(HttpStatus.BAD_REQUEST, "basedOn (the mapping's LastModified) is required.");
        }
        if (report.state() != null && !MappingStates.isReportable(report.state())) {
            throw problem(HttpStatus.BAD_REQUEST, "state must be Enabled, Disabled or Deleted.");
        }
        if (report.lastProcessingResult() != null
                && report.lastProcessingResult().length() > MAX_RESULT) {
            throw problem(HttpStatus.BAD_REQUEST, "lastProcessingResult is longer than " + MAX_RESULT + ".");
        }
        return switch (mappings.report(uuid, report)) {
            case APPLIED, UNCHANGED, REMOVED -> ResponseEntity.noContent().build();
            case NOT_FOUND -> throw problem(HttpStatus.NOT_FOUND, "No event source mapping " + uuid + ".");
            case STALE -> throw problem(HttpStatus.CONFLICT, "The mapping changed since " + report.basedOn() + ".");
            case CONTRADICTS_STATE ->
                throw problem(HttpStatus.CONFLICT, "The mapping's state does not allow " + report.state() + ".");
        };
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
