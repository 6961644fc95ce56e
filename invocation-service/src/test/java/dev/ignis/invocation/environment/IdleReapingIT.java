package dev.ignis.invocation.environment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.invocation.support.EngineIT;
import dev.ignis.invocation.support.Packages;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Idle on-demand environments are shut down after the idle timeout and the next invoke is cold
 * again. The reap is triggered here with a short timeout (the keeper runs it every reap-interval
 * with the configured one), so the test shares the suite's context and waits for nothing long.
 */
class IdleReapingIT extends EngineIT {

    @Autowired
    Environments environments;

    @Test
    void idleEnvironmentsAreReapedAndTheNextInvokeStartsCold() throws InterruptedException {
        String name = unique("idle");
        deploy(registry()
                .function(
                        name,
                        "python3.12",
                        "app.handler",
                        Packages.zip()
                                .file("app.py", "def handler(e, c):\n    return 'ok'\n")
                                .bytes()));
        assertThat(tail(invokeWithTail(name, "{}"))).contains("Init Duration");
        assertThat(tail(invokeWithTail(name, "{}"))).doesNotContain("Init Duration");
        assertThat(environments.counts()).containsEntry(name + ":$LATEST", 1);

        environments.reap(Duration.ofMinutes(5)); // other tests' dead environments may go; ours stays
        assertThat(environments.counts()).containsEntry(name + ":$LATEST", 1);
        Thread.sleep(300);
        assertThat(environments.reap(Duration.ofMillis(200))).isGreaterThanOrEqualTo(1);
        assertThat(environments.counts()).doesNotContainKey(name + ":$LATEST");
        assertThat(tail(invokeWithTail(name, "{}"))).contains("Init Duration");
    }
}
