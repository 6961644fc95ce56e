package dev.ignis.invocation.catalog;

import io.swagger.v3.oas.annotations.Operation;
import java.time.Duration;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * How the registry learns that this replica serves a write (read-your-writes, ADR
 * 0005-read-your-writes): it asks whether the change it committed under a key, or a newer
 * one, has been applied to this replica's view, waiting up to {@code waitMs} for it. A resource
 * with a {@link ServedCondition} (provisioned concurrency: its environments initialised) is applied
 * only once that holds too.
 */
@RestController
class AppliedChangesController {

    /** A waiting registry request holds a (virtual) thread here; bound it. */
    static final long MAX_WAIT_MS = 10_000;

    /**
     * The answer: whether {@code sequence} or a newer change to {@code key} is applied here, and
     * whether the key names a resource this view holds (a function being created does not yet).
     */
    record Applied(String key, long sequence, boolean applied, boolean holds) {}

    private final RegistryView view;
    private final List<ServedCondition> conditions;

    AppliedChangesController(RegistryView view, List<ServedCondition> conditions) {
        this.view = view;
        this.conditions = List.copyOf(conditions);
    }

    @Operation(summary = "Whether this replica's registry view has applied a change (internal)")
    @GetMapping("/ignis/v1/registry-view/applied")
    Applied applied(
            @RequestParam String key, @RequestParam long sequence, @RequestParam(defaultValue = "0") long waitMs)
            throws InterruptedException {
        Duration wait = Duration.ofMillis(Math.clamp(waitMs, 0, MAX_WAIT_MS));
        boolean applied = view.awaitApplied(key, sequence, wait)
                && conditions.stream().filter(c -> c.concerns(key)).allMatch(c -> c.serves(key));
        return new Applied(key, sequence, applied, view.holds(key));
    }
}
