package dev.ignis.invocation.provisioning;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.contracts.registry.ProvisionedConcurrencySnapshot;
import dev.ignis.invocation.catalog.FunctionCatalog;
import dev.ignis.invocation.config.InvocationProperties;
import dev.ignis.invocation.environment.Environments;
import dev.ignis.invocation.metrics.InvocationMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Background care of environments: keeps provisioned concurrency initialised as the catalog says
 * (a second after a change at most), drains environments of deleted or replaced configurations,
 * and shuts down on-demand environments left idle.
 */
@Component
class EnvironmentKeeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EnvironmentKeeper.class);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final FunctionCatalog catalog;
    private final Environments environments;
    private final InvocationProperties.Environments settings;
    private final InvocationMetrics metrics;
    private final Map<String, FunctionSnapshot> provisionedNow = new HashMap<>();
    private volatile Thread thread;
    private long lastReapNanos = System.nanoTime();

    EnvironmentKeeper(
            FunctionCatalog functionView,
            Environments environments,
            InvocationProperties properties,
            InvocationMetrics metrics) {
        this.metrics = metrics;
        this.catalog = functionView;
        this.environments = environments;
        this.settings = properties.environments();
    }

    @Override
    public void start() {
        thread = Thread.ofVirtual().name("environment-keeper").start(this::loop);
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(TICK);
                provision();
                environments.retire(catalog::isCurrent);
                if (System.nanoTime() - lastReapNanos >= settings.reapInterval().toNanos()) {
                    lastReapNanos = System.nanoTime();
                    int reaped = environments.reap(settings.idleTimeout());
                    if (reaped > 0) {
                        log.debug("Shut down {} idle environments", reaped);
                    }
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Environment upkeep failed; retrying: {}", e.toString());
            }
        }
    }

    /** Brings each configured version or alias to its provisioned count; drops removed ones. */
    void provision() {
        Map<String, FunctionSnapshot> wanted = new HashMap<>();
        for (ProvisionedConcurrencySnapshot config : catalog.provisioned().values()) {
            catalog.resolve(FunctionRef.parse(config.functionArn())).ifPresent(function -> {
                metrics.provisioned(function, environments);
                environments.provision(function, config.requestedProvisionedConcurrentExecutions());
                wanted.put(function.functionArn() + ":" + function.version(), function);
            });
        }
        provisionedNow.forEach((key, function) -> {
            if (!wanted.containsKey(key)) {
                environments.provision(function, 0);
            }
        });
        provisionedNow.clear();
        provisionedNow.putAll(wanted);
    }

    @Override
    public void stop() {
        Thread running = thread;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        Thread running = thread;
        return running != null && running.isAlive();
    }
}
