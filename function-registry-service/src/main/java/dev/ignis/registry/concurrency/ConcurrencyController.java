package dev.ignis.registry.concurrency;

import dev.ignis.registry.concurrency.ConcurrencyApi.Concurrency;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.OptionalInt;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Reserved concurrency, on AWS's paths (Put and Delete are 2017-10-31, Get is 2019-09-30). */
@RestController
@Tag(name = "Concurrency")
class ConcurrencyController {

    private final ReservedConcurrencyService concurrency;

    ConcurrencyController(ReservedConcurrencyService concurrency) {
        this.concurrency = concurrency;
    }

    @Operation(summary = "PutFunctionConcurrency")
    @PutMapping("/2017-10-31/functions/{functionName}/concurrency")
    Concurrency put(@PathVariable String functionName, @RequestBody Concurrency request) {
        return new Concurrency(concurrency.put(functionName, request.reservedConcurrentExecutions()));
    }

    /** An empty object when the function has no reservation. */
    @Operation(summary = "GetFunctionConcurrency")
    @GetMapping("/2019-09-30/functions/{functionName}/concurrency")
    Concurrency get(@PathVariable String functionName) {
        OptionalInt reserved = concurrency.get(functionName);
        return new Concurrency(reserved.isPresent() ? reserved.getAsInt() : null);
    }

    @Operation(summary = "DeleteFunctionConcurrency")
    @DeleteMapping("/2017-10-31/functions/{functionName}/concurrency")
    ResponseEntity<Void> delete(@PathVariable String functionName) {
        concurrency.delete(functionName);
        return ResponseEntity.noContent().build();
    }
}
