package dev.ignis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.lambda.model.GetFunctionConfigurationResponse;
import software.amazon.awssdk.services.lambda.model.LastUpdateStatus;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyStatusEnum;
import software.amazon.awssdk.services.lambda.model.State;

/**
 * Read-your-writes against a replica built from the real feed on the real topic, which applies
 * each record 150 ms late: a status is reported only once the replica serves it, and a write
 * without a status returns only once the replica serves it.
 */
class ReadYourWritesIT extends RegistryIT {

    static ServingReplica replica;

    /** Started when the registry reads its replica list: the embedded broker is up by then. */
    static synchronized String replicaUrl() {
        if (replica == null) {
            try {
                replica =
                        new ServingReplica(System.getProperty("spring.embedded.kafka.brokers"), Duration.ofMillis(150));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return replica.url();
    }

    @DynamicPropertySource
    static void dataPlane(DynamicPropertyRegistry registry) {
        registry.add("ignis.registry.read-your-writes.enabled", () -> "true");
        registry.add("ignis.placement.invocation-replicas[0]", ReadYourWritesIT::replicaUrl);
    }

    @AfterAll
    static void stopReplica() {
        if (replica != null) {
            replica.close();
        }
    }

    @Test
    void aNewFunctionIsPendingUntilTheReplicaServesItThenActive() throws Exception {
        replica.hold();
        try {
            assertThat(lambda.createFunction(FunctionApiIT.create("fresh").build())
                            .state())
                    .isEqualTo(State.PENDING);
            GetFunctionConfigurationResponse meanwhile = lambda.getFunctionConfiguration(b -> b.functionName("fresh"));
            assertThat(meanwhile.state()).isEqualTo(State.PENDING);
            assertThat(meanwhile.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        } finally {
            replica.release();
        }
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("fresh"));

        assertThat(replica.holds(Lambdas.ARN + "fresh")).isTrue();
        assertThat(lambda.getFunction(b -> b.functionName("fresh"))
                        .configuration()
                        .lastUpdateStatus())
                .isEqualTo(LastUpdateStatus.SUCCESSFUL);
    }

    @Test
    void anUpdateIsInProgressUntilTheReplicaServesItThenSuccessful() throws Exception {
        lambda.createFunction(FunctionApiIT.create("tuned").build());
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("tuned"));

        replica.hold();
        try {
            assertThat(lambda.updateFunctionConfiguration(
                                    b -> b.functionName("tuned").memorySize(512))
                            .lastUpdateStatus())
                    .isEqualTo(LastUpdateStatus.IN_PROGRESS);
            GetFunctionConfigurationResponse meanwhile = lambda.getFunctionConfiguration(b -> b.functionName("tuned"));
            assertThat(meanwhile.state()).isEqualTo(State.ACTIVE);
            assertThat(meanwhile.lastUpdateStatus()).isEqualTo(LastUpdateStatus.IN_PROGRESS);
        } finally {
            replica.release();
        }
        var updated = lambda.waiter()
                .waitUntilFunctionUpdatedV2(b -> b.functionName("tuned"))
                .matched()
                .response()
                .orElseThrow();

        assertThat(updated.configuration().memorySize()).isEqualTo(512);
    }

    @Test
    void writesWithoutAStatusReturnOnlyOnceTheReplicaServesThem() {
        lambda.createFunction(FunctionApiIT.create("gated").publish(true).build());
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("gated"));

        lambda.putFunctionConcurrency(b -> b.functionName("gated").reservedConcurrentExecutions(0));
        assertThat(replica.holds(Lambdas.ARN + "gated#concurrency")).isTrue();

        lambda.createAlias(b -> b.functionName("gated").name("live").functionVersion("1"));
        assertThat(replica.holds(Lambdas.ARN + "gated:live")).isTrue();

        lambda.deleteFunctionConcurrency(b -> b.functionName("gated"));
        assertThat(replica.holds(Lambdas.ARN + "gated#concurrency")).isFalse();

        lambda.deleteFunction(b -> b.functionName("gated"));
        assertThat(replica.holds(Lambdas.ARN + "gated")).isFalse();
        assertThat(replica.holds(Lambdas.ARN + "gated:live")).isFalse();
    }

    @Test
    void provisionedConcurrencyIsInProgressUntilServedThenReady() throws Exception {
        lambda.createFunction(FunctionApiIT.create("warm").publish(true).build());
        replica.hold();
        try {
            assertThat(lambda.putProvisionedConcurrencyConfig(
                                    b -> b.functionName("warm").qualifier("1").provisionedConcurrentExecutions(1))
                            .status())
                    .isEqualTo(ProvisionedConcurrencyStatusEnum.IN_PROGRESS);
            assertThat(lambda.getProvisionedConcurrencyConfig(
                                    b -> b.functionName("warm").qualifier("1"))
                            .status())
                    .isEqualTo(ProvisionedConcurrencyStatusEnum.IN_PROGRESS);
        } finally {
            replica.release();
        }
        ProvisionedConcurrencyStatusEnum status;
        do {
            Thread.sleep(50);
            status = lambda.getProvisionedConcurrencyConfig(
                            b -> b.functionName("warm").qualifier("1"))
                    .status();
        } while (status == ProvisionedConcurrencyStatusEnum.IN_PROGRESS);

        assertThat(status).isEqualTo(ProvisionedConcurrencyStatusEnum.READY);
        assertThat(replica.holds(Lambdas.ARN + "warm:1#provisioned-concurrency"))
                .isTrue();
    }
}
