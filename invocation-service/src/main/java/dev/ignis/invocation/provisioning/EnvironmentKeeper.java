package dev.ignis.invocation.provisioning;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.contracts.registry.ProvisionedConcurrencySnapshot;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.invocation.catalog.FunctionCatalog;
import dev.ignis.invocation.catalog.ServedCondition;
import dev.ignis.invocation.config.InvocationProperties;
import dev.ignis.invocation.environment.Environments;
import dev.ignis.invocation.metrics.InvocationMetrics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Background care of environments: keeps provisioned concurrency initialised as the catalog says
 * (a second after a change at most), drains environments of deleted or replaced configurations,
 * and shuts down on-demand environments left idle.
 *
 * <p>As a {@link ServedCondition} it tells the registry when a provisioned concurrency config is
 * served: once as many environments of the configuration it names are initialised as it requests
 * (AWS's {@code READY}), not when the config arrives.
 */
@Component
class EnvironmentKeeper implements SmartLifecycle, ServedCondition {

    /** How many environments were initialised for a config, and of which function revision. */
    private record Initialised(String revisionId, int count) {}

    private static final Logger log = LoggerFactory.getLogger(EnvironmentKeeper.class);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final FunctionCatalog catalog;
    private final Environments environments;
    private final InvocationProperties.Environments settings;
    private final InvocationMetrics metrics;
    private final Map<String, FunctionSnapshot> provisionedNow = new HashMap<>();
    private final Map<String, Initialised> initialised = new ConcurrentHashMap<>();
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
                int ready = environments.provision(function, config.requestedProvisionedConcurrentExecutions());
                initialised.put(config.functionArn(), new Initialised(function.revisionId(), ready));
                wanted.put(function.functionArn() + ":" + function.version(), function);
            });
        }
        initialised.keySet().retainAll(catalog.provisioned().keySet());
        provisionedNow.forEach((key, function) -> {
            if (!wanted.containsKey(key)) {
                environments.provision(function, 0);
            }
        });
        provisionedNow.clear();
        provisionedNow.putAll(wanted);
    }

    @Override
    public boolean concerns(String key) {
        return ResourceType.bySuffixOf(key)
                .filter(ResourceType.PROVISIONED_CONCURRENCY::equals)
                .isPresent();
    }

    @Override
    public boolean serves(String key) {
        String arn = key.substring(
                0,
                key.length() - ResourceType.PROVISIONED_CONCURRENCY.keySuffix().length());
        ProvisionedConcurrencySnapshot config = catalog.provisioned().get(arn);
        if (config == null) {
            return true; // deleted: nothing left to initialise
        }
        Initialised now = initialised.get(arn);
        return now != null
                && now.count() >= config.requestedProvisionedConcurrentExecutions()
                && catalog.resolve(FunctionRef.parse(arn))
                        .filter(function -> function.revisionId().equals(now.revisionId()))
                        .isPresent();
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
