package dev.ignis.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignis.launcher.config.ServiceSpec;
import dev.ignis.launcher.config.StackConfig;
import dev.ignis.launcher.config.StackConfigReader;
import dev.ignis.launcher.config.TopicSpec;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Reads the project's real config/ and plans launches from it. */
class StackPlanTest {

    static final Path ROOT = Path.of(System.getProperty("ignis.config-dir", "../config"))
            .toAbsolutePath()
            .getParent();

    final StackConfig config = new StackConfigReader(name -> null).read(ROOT.resolve("config"));

    @Test
    void readsServicesInStartOrderWithTheirPortsAndTopicsWithTheirPolicy() {
        assertThat(config.services())
                .extracting(ServiceSpec::module)
                .containsExactly(
                        "function-registry-service",
                        "invocation-service",
                        "async-queue-service",
                        "event-source-service",
                        "gateway-service");
        assertThat(config.service("gateway").map(ServiceSpec::port)).contains(8080);
        assertThat(config.kafkaPort()).isEqualTo(9092);
        assertThat(config.topics())
                .filteredOn(TopicSpec::compacted)
                .extracting(TopicSpec::name)
                .containsExactly(
                        "ignis.registry.changes", "ignis.eventsource.kinesis.checkpoints", "ignis.schedules.fired");
        assertThat(config.region()).isEqualTo("us-east-1");
    }

    @Test
    void placeholdersResolveFromTheEnvironment() {
        StackConfigReader reader = new StackConfigReader(name -> name.equals("IGNIS_HOME") ? "/srv/ignis" : null);
        assertThat(reader.resolve("${IGNIS_HOME:.ignis}/data")).isEqualTo("/srv/ignis/data");
        assertThat(reader.resolve("${UNSET_VARIABLE:fallback}")).isEqualTo("fallback");
    }

    @Test
    void startsASubsetByShortNamesAndMovesPorts() {
        LaunchOptions options = LaunchOptions.defaults(ROOT)
                .withServices(List.of("registry", "gateway"))
                .withPortOverrides(Map.of("gateway", 18080, "kafka", 19092));
        StackPlan plan = StackPlan.of(config, options);

        assertThat(plan.services())
                .extracting(ServiceSpec::module)
                .containsExactly("function-registry-service", "gateway-service");
        assertThat(plan.allServiceUrls()).containsEntry("gateway", URI.create("http://localhost:18080"));
        assertThat(plan.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(plan.kafkaControllerPort()).isEqualTo(19093);
    }

    @Test
    void anExternalBrokerReplacesTheEmbeddedOne() {
        StackPlan plan = StackPlan.of(config, LaunchOptions.defaults(ROOT).withExternalKafka("kafka.local:9092"));
        assertThat(plan.kafkaBootstrapServers()).isEqualTo("kafka.local:9092");
        assertThat(plan.externalKafka()).isEqualTo(Optional.of("kafka.local:9092"));
    }

    @Test
    void anUnknownServiceIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(
                        () -> StackPlan.of(config, LaunchOptions.defaults(ROOT).withServices(List.of("billing"))))
                .isInstanceOf(StartupException.class)
                .hasMessageContaining("Unknown service 'billing'")
                .hasMessageContaining("gateway");
    }

    @Test
    void parsesTheUpOptions() {
        CommandLine line = CommandLine.parse(new String[] {"up", "--kafka", "h:1", "--services=gateway, invocation"});
        assertThat(line.command()).isEqualTo("up");
        assertThat(line.kafka()).contains("h:1");
        assertThat(line.services()).containsExactly("gateway", "invocation");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"up", "--bogus"}))
                .hasMessageContaining("Unknown option");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"up", "--kafka"}))
                .hasMessageContaining("needs a value");
    }

    @Test
    void replicasListenOnPortsOfTheirOwnAndTheGatewayKnowsEveryInvocationReplica() {
        LaunchOptions options = LaunchOptions.defaults(ROOT)
                .withReplicas(Map.of("invocation", 3, "gateway", 2))
                .withPortOverrides(Map.of("invocation-3", 28999));
        StackPlan plan = StackPlan.of(config, options);

        assertThat(plan.services())
                .extracting(ServiceSpec::name, ServiceSpec::port)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("function-registry-service", 8081),
                        org.assertj.core.groups.Tuple.tuple("invocation-service", 8082),
                        org.assertj.core.groups.Tuple.tuple("invocation-service-2", 8182),
                        org.assertj.core.groups.Tuple.tuple("invocation-service-3", 28999),
                        org.assertj.core.groups.Tuple.tuple("async-queue-service", 8083),
                        org.assertj.core.groups.Tuple.tuple("event-source-service", 8084),
                        org.assertj.core.groups.Tuple.tuple("gateway-service", 8080),
                        org.assertj.core.groups.Tuple.tuple("gateway-service-2", 8180));
        assertThat(plan.replicasOf("invocation"))
                .extracting(ServiceSpec::replica)
                .containsExactly(1, 2, 3);
        assertThat(plan.allServiceUrls().get("invocation")).isEqualTo(URI.create("http://localhost:8082"));
    }

    @Test
    void theRegistryRunsOnceAndReplicasNameStartedServices() {
        assertThatThrownBy(
                        () -> StackPlan.of(config, LaunchOptions.defaults(ROOT).withReplicas(Map.of("registry", 2))))
                .hasMessageContaining("function-registry runs once here");
        assertThatThrownBy(() -> StackPlan.of(
                        config,
                        LaunchOptions.defaults(ROOT)
                                .withServices(List.of("gateway"))
                                .withReplicas(Map.of("invocation", 2))))
                .hasMessageContaining("--replicas names 'invocation', which is not started");
    }

    @Test
    void aPortOffsetMovesEveryPortSoAStackRunsBesideAnother() {
        LaunchOptions options = CommandLine.parse(new String[] {"up", "--port-offset", "10000"})
                .apply(LaunchOptions.defaults(ROOT), config);
        StackPlan plan = StackPlan.of(config, options);

        assertThat(plan.allServiceUrls().get("gateway").getPort()).isEqualTo(18080);
        assertThat(plan.allServiceUrls().get("function-registry").getPort()).isEqualTo(18081);
        assertThat(plan.kafkaBootstrapServers()).isEqualTo("127.0.0.1:19092");
        assertThat(options.portOverrides()).containsEntry("gateway-management", 19080);
    }

    @Test
    void gatewayReplicasGetManagementPortsOfTheirOwnBesideAnOffsetStack() {
        LaunchOptions options = CommandLine.parse(
                        new String[] {"up", "--replicas", "gateway=2", "--port-offset", "10000"})
                .apply(LaunchOptions.defaults(ROOT), config);
        StackPlan plan = StackPlan.of(config, options);

        assertThat(plan.replicasOf("gateway")).extracting(ServiceSpec::port).containsExactly(18080, 18180);
        assertThat(plan.replicasOf("gateway").stream().map(plan::managementPort))
                .containsExactly(Optional.of(19080), Optional.of(19180));
        assertThat(plan.replicasOf("invocation").stream().map(plan::managementPort))
                .containsExactly(Optional.empty());

        StackPlan plain = StackPlan.of(config, LaunchOptions.defaults(ROOT).withReplicas(Map.of("gateway", 3)));
        assertThat(plain.replicasOf("gateway").stream().map(plain::managementPort))
                .containsExactly(Optional.empty(), Optional.of(9180), Optional.of(9280));
    }

    @Test
    void elasticMqStartsOnlyWhenAskedForAndTheSqsClientsPointAtIt() {
        StackPlan plain = StackPlan.of(config, LaunchOptions.defaults(ROOT));
        assertThat(plain.sqsEndpoint()).isEmpty();
        assertThat(plain.sqsEndpointArgument(config.service("event-source").orElseThrow()))
                .isEmpty();

        StackPlan plan = StackPlan.of(
                config, CommandLine.parse(new String[] {"up", "--sqs"}).apply(LaunchOptions.defaults(ROOT), config));

        assertThat(config.sqsPort()).isEqualTo(9324);
        assertThat(plan.sqsEndpoint()).contains(URI.create("http://127.0.0.1:9324"));
        assertThat(plan.sqsEndpointArgument(config.service("event-source").orElseThrow()))
                .contains("--ignis.event-source.sqs.endpoint=http://127.0.0.1:9324");
        assertThat(plan.sqsEndpointArgument(config.service("async-queue").orElseThrow()))
                .contains("--ignis.async-queue.destinations.sqs-endpoint=http://127.0.0.1:9324");
        assertThat(plan.sqsEndpointArgument(config.service("gateway").orElseThrow()))
                .isEmpty();
    }

    @Test
    void aPortOffsetMovesElasticMqToo() {
        LaunchOptions options = CommandLine.parse(new String[] {"up", "--sqs", "--port-offset", "10000"})
                .apply(LaunchOptions.defaults(ROOT), config);

        assertThat(StackPlan.of(config, options).sqsEndpoint()).contains(URI.create("http://127.0.0.1:19324"));
    }

    @Test
    void kinesaliteStartsOnlyWhenAskedForAndTheKinesisPollersPointAtItWithoutCbor() {
        ServiceSpec eventSource = config.service("event-source").orElseThrow();
        StackPlan plain = StackPlan.of(config, LaunchOptions.defaults(ROOT));
        assertThat(plain.kinesisEndpoint()).isEmpty();
        assertThat(plain.kinesisArguments(eventSource)).isEmpty();

        StackPlan plan = StackPlan.of(
                config,
                CommandLine.parse(new String[] {"up", "--kinesis"}).apply(LaunchOptions.defaults(ROOT), config));

        assertThat(config.kinesisPort()).isEqualTo(4567);
        assertThat(config.kinesaliteVersion()).isEqualTo("3.3.3");
        assertThat(plan.kinesisEndpoint()).contains(URI.create("http://127.0.0.1:4567"));
        assertThat(plan.kinesisArguments(eventSource))
                .containsExactly(
                        "--ignis.event-source.kinesis.endpoint=http://127.0.0.1:4567",
                        "--ignis.event-source.kinesis.cbor=false");
        assertThat(plan.kinesisArguments(config.service("async-queue").orElseThrow()))
                .isEmpty();
        assertThat(plan.sqsEndpoint()).isEmpty();
    }

    @Test
    void withSqsTooAKinesisMappingsOnFailureQueueIsTheLocalElasticMq() {
        StackPlan plan = StackPlan.of(
                config,
                CommandLine.parse(new String[] {"up", "--sqs", "--kinesis"})
                        .apply(LaunchOptions.defaults(ROOT), config));

        assertThat(plan.kinesisArguments(config.service("event-source").orElseThrow()))
                .containsExactly(
                        "--ignis.event-source.kinesis.endpoint=http://127.0.0.1:4567",
                        "--ignis.event-source.kinesis.cbor=false",
                        "--ignis.event-source.kinesis.sqs-endpoint=http://127.0.0.1:9324");
    }

    @Test
    void aPortOffsetMovesKinesaliteToo() {
        LaunchOptions options = CommandLine.parse(new String[] {"up", "--kinesis", "--port-offset", "10000"})
                .apply(LaunchOptions.defaults(ROOT), config);

        assertThat(StackPlan.of(config, options).kinesisEndpoint()).contains(URI.create("http://127.0.0.1:14567"));
    }

    @Test
    void aTakenKinesisPortIsNamedBeforeAnythingStarts() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
            LaunchOptions options = LaunchOptions.defaults(ROOT)
                    .withKinesis(true)
                    .withServices(List.of("registry"))
                    .withExternalKafka("127.0.0.1:1")
                    .withPortOverrides(
                            Map.of(LaunchOptions.KINESIS, taken.getLocalPort(), "function-registry", freePort()));

            assertThatThrownBy(() -> StackPlan.of(config, options).checkPortsFree())
                    .isInstanceOf(StartupException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " for kinesis (kinesalite)");
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
