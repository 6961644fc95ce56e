package dev.ignis.asyncqueue.catalog;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignis.asyncqueue.support.Fixtures;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.InputBindingLifecycle;
import org.springframework.cloud.stream.binding.OutputBindingLifecycle;

class WorkerGateTest {

    @Test
    void refusesToOpenWhenTheWorkersBindingWasNeverDefined() {
        // Lifecycles that bound nothing: what a function definition without asyncWorker leaves behind.
        var bindings = new BindingsLifecycleController(
                List.of(new InputBindingLifecycle(null, Map.of())),
                List.of(new OutputBindingLifecycle(null, Map.of())));
        var gate = new WorkerGate(
                new AsyncTargets(Fixtures.properties()),
                () -> {
                    throw new AssertionError("the registry topic must not be read before the bindings are checked");
                },
                "ignis.registry.changes",
                List.of("asyncWorker-in-0"),
                bindings);

        assertThatThrownBy(gate::openWhenCaughtUp)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("asyncWorker-in-0")
                .hasMessageContaining("spring.cloud.function.definition");
    }
}
