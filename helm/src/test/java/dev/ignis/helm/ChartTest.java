package dev.ignis.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ChartTest {

    private static final Path CONFIG_DIR = Path.of(System.getProperty("ignis.config-dir", "../config"));
    private static final List<String> SERVICES =
            List.of("gateway", "function-registry", "invocation", "async-queue", "event-source");

    private static final RenderedChart DEFAULTS = RenderedChart.render(t -> t);
    private static final RenderedChart PRODUCTION =
            RenderedChart.render(t -> t.withValuesFile(RenderedChart.PRODUCTION_VALUES));

    @Test
    void lintsStrictlyWithItsDefaultValues() {
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();

        assertThat(lint.getMessages()).allMatch(message -> message.startsWith("[INFO]"));
        assertThat(lint.isFailed()).isFalse();
    }

    @Test
    void rendersEveryPartOfTheReleaseForBothValuesFiles() {
        for (RenderedChart chart : List.of(DEFAULTS, PRODUCTION)) {
            assertThat(chart.all(Deployment.class)).hasSize(4);
            assertThat(chart.all(StatefulSet.class)).hasSize(1);
            assertThat(chart.all(Service.class)).hasSize(7);
            assertThat(chart.all(NetworkPolicy.class)).hasSize(2);
            assertThat(chart.all(Ingress.class)).hasSize(1);
            assertThat(chart.all(Job.class)).hasSize(1);
            assertThat(chart.all(PodDisruptionBudget.class)).isNotEmpty();
        }
        assertThat(kinds(DEFAULTS)).doesNotContain("ServiceMonitor");
        assertThat(kinds(PRODUCTION)).contains("ServiceMonitor", "HorizontalPodAutoscaler");
        assertThat(PRODUCTION.all(HorizontalPodAutoscaler.class)).hasSize(2);
        assertThat(PRODUCTION.all(ConfigMap.class).stream()
                        .map(c -> c.getMetadata().getName()))
                .contains(
                        "ignis-dashboard-overview",
                        "ignis-dashboard-function",
                        "ignis-dashboard-platform",
                        "ignis-dashboard-event-sources");
    }

    @Test
    void strictParsingRejectsUnknownFieldsAndKinds() {
        String deployment =
                """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: typo}
                spec:
                  replicas: 1
                  template:
                    spec:
                      containers:
                        - name: c
                          image: i
                          livenesProbe: {httpGet: {path: /, port: 80}}
                """;
        assertThatThrownBy(() -> RenderedChart.parse(deployment))
                .hasMessageContaining("Deployment/typo.spec.template.spec.containers[0]")
                .hasMessageContaining("livenesProbe");
        assertThatThrownBy(
                        () -> RenderedChart.parse("apiVersion: autoscaling/v1\nkind: Ingress\nmetadata: {name: x}\n"))
                .hasMessageContaining("a kind the Kubernetes API model does not know");
    }

    @Test
    void mountsConfigAsItIsInTheRepository() throws IOException {
        Map<String, String> data = DEFAULTS.get(ConfigMap.class, "ignis-config").getData();
        try (Stream<Path> files = Files.list(CONFIG_DIR)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                assertThat(data.get(file.getFileName().toString()) + "\n")
                        .as(file.toString())
                        .isEqualTo(Files.readString(file));
            }
        }
        for (PodSpec pod : pods(DEFAULTS)) {
            Container container = pod.getContainers().getFirst();
            assertThat(env(container, "IGNIS_CONFIG_DIR").getValue()).isEqualTo("/etc/ignis/config");
            assertThat(container.getVolumeMounts())
                    .anySatisfy(m -> assertThat(m.getMountPath()).isEqualTo("/etc/ignis/config"));
        }
    }

    @Test
    void everyServiceIsProbedOnItsActuatorHealthGroupsAndBounded() {
        for (PodSpec pod : pods(PRODUCTION)) {
            Container container = pod.getContainers().getFirst();
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/livez");
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
            assertThat(container.getStartupProbe().getHttpGet().getPath()).isEqualTo("/livez");
            assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
            assertThat(container.getResources().getLimits()).containsKey("memory");
        }
    }

    @Test
    void onlyTheGatewayIsReachableFromOutsideTheRelease() {
        NetworkPolicy internal = DEFAULTS.get(NetworkPolicy.class, "ignis-internal");
        assertThat(internal.getSpec().getPodSelector().getMatchExpressions()).anySatisfy(e -> {
            assertThat(e.getKey()).isEqualTo("app.kubernetes.io/component");
            assertThat(e.getOperator()).isEqualTo("NotIn");
            assertThat(e.getValues()).containsExactly("gateway");
        });
        assertThat(internal.getSpec().getIngress())
                .allSatisfy(rule -> assertThat(rule.getFrom()).isNotEmpty());
        assertThat(internal.getSpec()
                        .getIngress()
                        .getFirst()
                        .getFrom()
                        .getFirst()
                        .getPodSelector()
                        .getMatchLabels())
                .containsEntry("app.kubernetes.io/instance", "ignis");
        NetworkPolicy gateway = PRODUCTION.get(NetworkPolicy.class, "ignis-gateway");
        assertThat(gateway.getSpec()
                        .getIngress()
                        .getFirst()
                        .getFrom()
                        .getFirst()
                        .getNamespaceSelector()
                        .getMatchLabels())
                .containsEntry("kubernetes.io/metadata.name", "ingress-nginx");
        assertThat(gateway.getSpec().getIngress())
                .as("metrics on the management port, from the monitoring namespaces only")
                .anySatisfy(rule -> {
                    assertThat(rule.getPorts().getFirst().getPort().getStrVal()).isEqualTo("management");
                    assertThat(rule.getFrom().getFirst().getNamespaceSelector()).isNotNull();
                });
        for (RenderedChart chart : List.of(DEFAULTS, PRODUCTION)) {
            assertThat(chart.all(Service.class))
                    .filteredOn(s -> !s.getMetadata().getName().equals("ignis-gateway"))
                    .allSatisfy(s -> assertThat(s.getSpec().getType()).isIn(null, "ClusterIP"));
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesInternalServicesWithTheCredentialAndTheGatewayOnItsManagementPort() {
        GenericKubernetesResource monitor = PRODUCTION.get(GenericKubernetesResource.class, "ignis");
        Map<String, Object> spec =
                (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
        List<Map<String, Object>> endpoints = (List<Map<String, Object>>) spec.get("endpoints");

        assertThat(endpoints).anySatisfy(endpoint -> {
            assertThat(endpoint).containsEntry("port", "http");
            assertThat(endpoint.get("authorization").toString())
                    .contains("type=Bearer", "name=ignis-platform", "key=internal-credential");
        });
        assertThat(endpoints).anySatisfy(endpoint -> assertThat(endpoint).containsEntry("port", "management"));
        assertThat(spec.get("selector").toString()).contains("ignis.dev/public");
        Service metrics = PRODUCTION.get(Service.class, "ignis-gateway-metrics");
        assertThat(metrics.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(metrics.getSpec().getPorts().getFirst().getName()).isEqualTo("management");
        assertThat(PRODUCTION.get(Service.class, "ignis-gateway").getMetadata().getLabels())
                .containsEntry("ignis.dev/public", "true");
        Container gateway = pods(PRODUCTION).stream()
                .flatMap(pod -> pod.getContainers().stream())
                .filter(c -> c.getName().equals("gateway"))
                .findFirst()
                .orElseThrow();
        assertThat(gateway.getPorts())
                .anySatisfy(port -> assertThat(port.getName()).isEqualTo("management"));
        assertThat(gateway.getEnv())
                .anySatisfy(env -> assertThat(env.getName()).isEqualTo("IGNIS_GATEWAY_MANAGEMENT_ADDRESS"));
    }

    @Test
    void servicesRunWithoutPrivilegeAndTheSandboxGetsOnlyWhatBubblewrapNeeds() {
        for (PodSpec pod : pods(PRODUCTION)) {
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            var security = pod.getContainers().getFirst().getSecurityContext();
            assertThat(security.getAllowPrivilegeEscalation()).isFalse();
            assertThat(security.getPrivileged()).isNull();
            assertThat(security.getReadOnlyRootFilesystem()).isTrue();
            assertThat(security.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(security.getCapabilities().getAdd()).isNullOrEmpty();
        }
        assertThat(DEFAULTS.get(Deployment.class, "ignis-gateway")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getSecurityContext()
                        .getSeccompProfile()
                        .getType())
                .isEqualTo("RuntimeDefault");
        var sandbox = container(DEFAULTS, "invocation").getSecurityContext();
        assertThat(sandbox.getSeccompProfile().getType()).isEqualTo("Unconfined");
        assertThat(sandbox.getAppArmorProfile().getType()).isEqualTo("Unconfined");
        var hardened = container(PRODUCTION, "invocation").getSecurityContext();
        assertThat(hardened.getSeccompProfile().getType()).isEqualTo("Localhost");
        assertThat(hardened.getSeccompProfile().getLocalhostProfile()).isEqualTo("profiles/ignis-bubblewrap.json");
    }

    @Test
    void everyCallerPlacesFunctionsOnEveryInvocationPodTheStatefulSetCanHave() {
        assertThat(invocationReplicas(DEFAULTS))
                .containsExactly(
                        "http://ignis-invocation-0.ignis-invocation-headless.lambda.svc:8082",
                        "http://ignis-invocation-1.ignis-invocation-headless.lambda.svc:8082");
        assertThat(invocationReplicas(PRODUCTION)).hasSize(12);
        for (String service : SERVICES) {
            assertThat(path(properties(DEFAULTS, service), "ignis", "placement", "invocation-replicas"))
                    .as(service)
                    .isEqualTo(invocationReplicas(DEFAULTS));
        }
        StatefulSet invocation = PRODUCTION.get(StatefulSet.class, "ignis-invocation");
        assertThat(invocation.getSpec().getServiceName()).isEqualTo("ignis-invocation-headless");
        assertThat(invocation.getSpec().getReplicas())
                .as("the HPA owns the count")
                .isNull();
        assertThat(PRODUCTION
                        .get(Service.class, "ignis-invocation-headless")
                        .getSpec()
                        .getClusterIP())
                .isEqualTo("None");
    }

    @Test
    void autoscalesTheGatewayOnCpuAndInvocationOnConcurrentExecutions() {
        var gateway =
                PRODUCTION.get(HorizontalPodAutoscaler.class, "ignis-gateway").getSpec();
        assertThat(gateway.getMetrics().getFirst().getResource().getName()).isEqualTo("cpu");
        assertThat(gateway.getMinReplicas()).isEqualTo(3);
        var invocation = PRODUCTION
                .get(HorizontalPodAutoscaler.class, "ignis-invocation")
                .getSpec();
        assertThat(invocation.getScaleTargetRef().getKind()).isEqualTo("StatefulSet");
        assertThat(invocation.getMetrics().getFirst().getPods().getMetric().getName())
                .isEqualTo("lambda_concurrent_executions");
        assertThat(invocation.getMaxReplicas()).isEqualTo(12);
    }

    @Test
    void wiresExternalKafkaPostgresAndS3FromValuesAndSecrets() {
        Map<String, Object> shared = properties(PRODUCTION, "invocation");
        assertThat(path(shared, "ignis", "kafka", "bootstrap-servers"))
                .isEqualTo("kafka-0.kafka.data.svc:9093,kafka-1.kafka.data.svc:9093,kafka-2.kafka.data.svc:9093");
        @SuppressWarnings("unchecked")
        Map<String, Object> kafka = (Map<String, Object>) path(shared, "spring", "kafka", "properties");
        assertThat(kafka)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", "${IGNIS_KAFKA_SASL_JAAS_CONFIG}")
                .containsEntry("ssl.truststore.location", "/etc/ignis/kafka-tls/ca.crt");
        assertThat(path(shared, "spring", "cloud", "stream", "kafka", "binder", "configuration"))
                .isEqualTo(kafka);
        assertThat(path(shared, "ignis", "services", "function-registry"))
                .isEqualTo("http://ignis-function-registry.lambda.svc:8081");
        assertThat(path(shared, "logging", "structured", "format", "console")).isEqualTo("ecs");

        Map<String, Object> registry = properties(PRODUCTION, "function-registry");
        assertThat(path(registry, "ignis", "registry", "code-store", "type")).isEqualTo("s3");
        assertThat(path(registry, "ignis", "registry", "code-store", "s3", "bucket"))
                .isEqualTo("ignis-code");
        assertThat(path(registry, "ignis", "registry", "function-urls"))
                .isEqualTo(Map.of("scheme", "https", "domain", "lambda.corp.example", "port", 443));
        Container registryContainer = container(PRODUCTION, "function-registry");
        assertThat(env(registryContainer, "IGNIS_POSTGRES_URL").getValue())
                .isEqualTo("jdbc:postgresql://postgres.data.svc:5432/ignis?sslmode=require");
        assertThat(env(registryContainer, "IGNIS_POSTGRES_PASSWORD")
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getName())
                .isEqualTo("ignis-postgres");
        assertThat(env(registryContainer, "IGNIS_KAFKA_SASL_JAAS_CONFIG")
                        .getValueFrom()
                        .getSecretKeyRef())
                .satisfies(ref -> {
                    assertThat(ref.getName()).isEqualTo("ignis-kafka-sasl");
                    assertThat(ref.getKey()).isEqualTo("sasl.jaas.config");
                });
        assertThat(PRODUCTION
                        .get(Job.class, "ignis-topics")
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getContainers()
                        .getFirst()
                        .getArgs())
                .contains("topics", "--replication-factor=3", "--client-property=security.protocol=SASL_SSL");
    }

    @Test
    void generatesThePlatformSecretsOnceUnlessTheOperatorBringsThem() {
        Secret generated = DEFAULTS.get(Secret.class, "ignis-secrets");
        assertThat(generated.getData()).containsOnlyKeys("access-keys", "environment-key", "internal-credential");
        byte[] key = java.util.Base64.getDecoder()
                .decode(new String(java.util.Base64.getDecoder()
                                .decode(generated.getData().get("environment-key")))
                        .trim());
        assertThat(key).hasSize(32);
        assertThat(PRODUCTION.find(Secret.class, "ignis-secrets")).isEmpty();
        for (String service : SERVICES) {
            assertThat(env(container(PRODUCTION, service), "IGNIS_INTERNAL_CREDENTIAL_FILE")
                            .getValue())
                    .isEqualTo("/etc/ignis/secrets/internal-credential");
            assertThat(env(container(PRODUCTION, service), "IGNIS_INTERNAL_REQUIRED")
                            .getValue())
                    .isEqualTo("true");
            assertThat(pods(PRODUCTION).stream()
                            .flatMap(pod -> pod.getVolumes().stream())
                            .filter(volume -> volume.getSecret() != null
                                    && "ignis-platform"
                                            .equals(volume.getSecret().getSecretName()))
                            .flatMap(volume -> volume.getSecret().getItems().stream())
                            .map(item -> item.getKey()))
                    .contains("internal-credential");
        }
        // Every Secret and ConfigMap a pod of the default install reads is part of the release.
        Set<String> rendered = DEFAULTS.resources().stream()
                .map(r -> r.getKind() + "/" + r.getMetadata().getName())
                .collect(Collectors.toSet());
        for (PodSpec pod : pods(DEFAULTS)) {
            for (EnvVar variable : pod.getContainers().getFirst().getEnv()) {
                if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                    assertThat(rendered)
                            .contains("Secret/"
                                    + variable.getValueFrom().getSecretKeyRef().getName());
                }
                if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = variable.getValueFrom().getConfigMapKeyRef();
                    assertThat(DEFAULTS.get(ConfigMap.class, ref.getName()).getData())
                            .containsKey(ref.getKey());
                }
            }
        }
    }

    @Test
    void servesTheApiAndTheWildcardFunctionUrlHostThroughTheIngress() {
        Ingress ingress = PRODUCTION.get(Ingress.class, "ignis");
        assertThat(ingress.getSpec().getRules().stream().map(r -> r.getHost()))
                .containsExactly("lambda.lambda.corp.example", "*.lambda-url.eu-west-1.lambda.corp.example");
        assertThat(ingress.getSpec().getTls().getFirst().getSecretName()).isEqualTo("ignis-wildcard-tls");
        assertThat(ingress.getSpec().getRules()).allSatisfy(rule -> assertThat(rule.getHttp()
                        .getPaths()
                        .getFirst()
                        .getBackend()
                        .getService()
                        .getName())
                .isEqualTo("ignis-gateway"));
    }

    @Test
    void notesPrintTheAwsCliLineToUse() {
        String notes = new Helm(RenderedChart.CHART)
                .install()
                .withName("ignis")
                .withNamespace("lambda")
                .withKubeVersion(RenderedChart.KUBE_VERSION)
                .clientOnly()
                .dryRun()
                .call()
                .getOutput();

        assertThat(notes)
                .contains("aws --region us-east-1 --endpoint-url http://lambda.ignis.example.com lambda list-functions")
                .contains("kubectl -n lambda get secret ignis-secrets");
    }

    @Test
    void wrongValuesFailAtInstallTime() {
        assertThatThrownBy(() -> RenderedChart.template(t -> t.set("invocation.replicas", "two")))
                .hasMessageContaining("/invocation/replicas");
        assertThatThrownBy(() -> RenderedChart.template(t -> t.set("gatewy.replicas", 2)))
                .hasMessageContaining("gatewy");
        assertThatThrownBy(() -> RenderedChart.template(t -> t.set("ingress.domain", "Not A Domain")))
                .hasMessageContaining("/ingress/domain");
        assertThatThrownBy(() -> RenderedChart.template(t -> t.set("kafka.bootstrapServers", "kafka")))
                .hasMessageContaining("/kafka/bootstrapServers");
        assertThatThrownBy(() -> RenderedChart.template(t -> t.set("kafka.securityProtocol", "SASL_SSL")))
                .hasMessageContaining("kafka.sasl.existingSecret");
        assertThatThrownBy(() -> RenderedChart.template(t -> t.set("functionRegistry.replicas", 2)))
                .hasMessageContaining("functionRegistry.replicas must be 1");
        assertThatThrownBy(() -> RenderedChart.template(t -> t.set("invocation.sandbox.type", "none")))
                .hasMessageContaining("/invocation/sandbox/type");
    }

    private static Set<String> kinds(RenderedChart chart) {
        return chart.resources().stream().map(HasMetadata::getKind).collect(Collectors.toSet());
    }

    private static List<PodSpec> pods(RenderedChart chart) {
        return Stream.concat(
                        chart.all(Deployment.class).stream()
                                .map(d -> d.getSpec().getTemplate().getSpec()),
                        chart.all(StatefulSet.class).stream()
                                .map(s -> s.getSpec().getTemplate().getSpec()))
                .toList();
    }

    private static Container container(RenderedChart chart, String service) {
        return pods(chart).stream()
                .map(pod -> pod.getContainers().getFirst())
                .filter(c -> c.getName().equals(service))
                .findFirst()
                .orElseThrow();
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream()
                .filter(e -> e.getName().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + name));
    }

    private static Map<String, Object> properties(RenderedChart chart, String service) {
        return RenderedChart.json(
                chart.get(ConfigMap.class, "ignis-properties").getData().get(service + ".json"));
    }

    @SuppressWarnings("unchecked")
    private static Object path(Map<String, Object> tree, String... keys) {
        Object node = tree;
        for (String key : keys) {
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static List<String> invocationReplicas(RenderedChart chart) {
        return (List<String>) path(properties(chart, "gateway"), "ignis", "placement", "invocation-replicas");
    }
}
