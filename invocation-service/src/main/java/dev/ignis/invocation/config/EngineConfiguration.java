package dev.ignis.invocation.config;

import dev.ignis.contracts.credentials.FunctionCredentialKey;
import dev.ignis.contracts.credentials.FunctionCredentialRule;
import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.invocation.catalog.FunctionCatalog;
import dev.ignis.invocation.catalog.ReadThrough;
import dev.ignis.invocation.catalog.RegistryView;
import dev.ignis.invocation.code.CodeCache;
import dev.ignis.invocation.code.RegistryCodeSource;
import dev.ignis.invocation.concurrency.ConcurrencyGate;
import dev.ignis.invocation.credentials.FunctionCredentialIssuer;
import dev.ignis.invocation.environment.EnvironmentFactory;
import dev.ignis.invocation.environment.Environments;
import dev.ignis.invocation.environment.PortAllocator;
import dev.ignis.invocation.environment.SealedVariables;
import dev.ignis.invocation.invoke.InvokeService;
import dev.ignis.invocation.logs.KafkaLogSink;
import dev.ignis.invocation.metrics.InvocationMetrics;
import dev.ignis.invocation.runtime.ManagedRuntimes;
import dev.ignis.invocation.runtime.RuntimeFiles;
import dev.ignis.invocation.sandbox.Sandbox;
import dev.ignis.invocation.sandbox.cgroup.Cgroups;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The invocation engine's parts, wired from {@link InvocationProperties}. */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean(destroyMethod = "close")
    KafkaLogSink logSink(InvocationProperties properties, KafkaProperties kafka) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                String.join(",", kafka.getBootstrapServers()),
                ProducerConfig.ACKS_CONFIG,
                "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                false,
                ProducerConfig.LINGER_MS_CONFIG,
                5,
                // A send must never hold up an invoke, even with the broker away.
                ProducerConfig.MAX_BLOCK_MS_CONFIG,
                200,
                ProducerConfig.CLIENT_ID_CONFIG,
                "invocation-logs");
        return new KafkaLogSink(
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer()),
                properties.logs().topic());
    }

    @Bean(destroyMethod = "close")
    Environments environments(
            InvocationProperties properties,
            Sandbox sandbox,
            Cgroups cgroups,
            KafkaLogSink logSink,
            Clock clock,
            InternalCredential credential)
            throws IOException {
        Path work = Files.createDirectories(properties.workDir());
        warnIfUntraversable(work.toAbsolutePath(), properties.sandbox().runAsUid());
        Files.setPosixFilePermissions(work, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        InvocationProperties.Credentials credentials = properties.functionCredentials();
        EnvironmentFactory factory = new EnvironmentFactory(new EnvironmentFactory.Parts(
                sandbox,
                cgroups,
                new ManagedRuntimes(properties.runtimes()),
                new CodeCache(work, new RegistryCodeSource(properties.registryUrl(), credential)),
                RuntimeFiles.install(
                        work.resolve("runtimes"), properties.runtimes().python()),
                Files.createDirectories(work.resolve("scratch")),
                new PortAllocator(
                        properties.environments().firstRuntimeApiPort(),
                        properties.environments().lastRuntimeApiPort()),
                new SealedVariables(properties.environmentKeyFile()),
                new FunctionCredentialIssuer(
                        new FunctionCredentialRule(FunctionCredentialKey.readOrCreate(credentials.keyFile())),
                        properties.accountId(),
                        credentials.lifetime(),
                        clock),
                logSink,
                clock,
                properties.region()));
        return new Environments(
                factory,
                properties.environments().initTimeout(),
                properties.environments().maxConcurrentStarts());
    }

    /** Functions run as another user; every directory above their code must let them through. */
    private static void warnIfUntraversable(Path work, int uid) throws IOException {
        if (uid < 0) {
            return;
        }
        for (Path dir = work.getParent(); dir != null; dir = dir.getParent()) {
            if (!Files.getPosixFilePermissions(dir)
                    .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                org.slf4j.LoggerFactory.getLogger(EngineConfiguration.class)
                        .warn(
                                "*** {} is not traversable by others: sandboxed functions (uid {}) will not reach "
                                        + "their code under {}. chmod o+x it or move ignis.home.",
                                dir,
                                uid,
                                work);
                return;
            }
        }
    }

    @Bean
    ConcurrencyGate concurrencyGate(InvocationProperties properties, FunctionCatalog functionView) {
        return new ConcurrencyGate(properties.concurrency().accountLimit(), functionView::reservations);
    }

    @Bean
    InvocationMetrics invocationMetrics(MeterRegistry registry, Environments environments, ConcurrencyGate gate) {
        InvocationMetrics metrics = new InvocationMetrics(registry);
        metrics.replica(environments, gate);
        return metrics;
    }

    @Bean
    ReadThrough readThrough(
            InvocationProperties properties,
            FunctionCatalog functionView,
            RegistryView registryView,
            InternalCredential credential,
            Clock clock) {
        return new ReadThrough(
                functionView,
                registryView,
                properties.registryUrl(),
                properties.region(),
                properties.accountId(),
                credential,
                properties.unknownFunctionTtl(),
                clock);
    }

    @Bean
    InvokeService invokeService(
            InvocationProperties properties,
            ReadThrough readThrough,
            ConcurrencyGate gate,
            Environments environments,
            InvocationMetrics metrics,
            Clock clock) {
        return new InvokeService(
                readThrough, gate, environments, metrics, clock, properties.region(), properties.accountId());
    }
}
