package dev.ignis.registry;

import static dev.ignis.registry.Lambdas.ARN;
import static dev.ignis.registry.Lambdas.assertAwsError;
import static dev.ignis.registry.Lambdas.assertAwsErrorContaining;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyConfigListItem;
import software.amazon.awssdk.services.lambda.model.ProvisionedConcurrencyStatusEnum;
import software.amazon.awssdk.services.lambda.model.PutProvisionedConcurrencyConfigResponse;
import tools.jackson.databind.JsonNode;

/**
 * Reserved and provisioned concurrency and GetAccountSettings through the AWS SDK, against the
 * default account limit of 1,000 (unreserved must stay at 100 or more).
 */
class ConcurrencyIT extends RegistryIT {

    private static final String BELOW_MINIMUM =
            "decreases account's UnreservedConcurrentExecution below its" + " minimum value of [100].";

    @Test
    void reservesReadsAndReleasesConcurrency() {
        lambda.createFunction(FunctionApiIT.create("reserved").build());
        assertThat(lambda.getFunctionConcurrency(b -> b.functionName("reserved"))
                        .reservedConcurrentExecutions())
                .isNull();

        assertThat(lambda.putFunctionConcurrency(b -> b.functionName("reserved").reservedConcurrentExecutions(250))
                        .reservedConcurrentExecutions())
                .isEqualTo(250);

        assertThat(lambda.getFunctionConcurrency(b -> b.functionName("reserved"))
                        .reservedConcurrentExecutions())
                .isEqualTo(250);
        assertThat(lambda.getFunction(b -> b.functionName("reserved"))
                        .concurrency()
                        .reservedConcurrentExecutions())
                .isEqualTo(250);
        var limits = lambda.getAccountSettings().accountLimit();
        assertThat(limits.concurrentExecutions()).isEqualTo(1000);
        assertThat(limits.unreservedConcurrentExecutions()).isEqualTo(750);

        lambda.deleteFunctionConcurrency(b -> b.functionName("reserved"));
        lambda.deleteFunctionConcurrency(b -> b.functionName("reserved"));
        assertThat(lambda.getFunctionConcurrency(b -> b.functionName("reserved"))
                        .reservedConcurrentExecutions())
                .isNull();
        assertThat(lambda.getAccountSettings().accountLimit().unreservedConcurrentExecutions())
                .isEqualTo(1000);
    }

    @Test
    void theUnreservedPoolKeepsOneHundred() {
        lambda.createFunction(FunctionApiIT.create("greedy").build());
        lambda.createFunction(FunctionApiIT.create("modest").build());
        lambda.putFunctionConcurrency(b -> b.functionName("modest").reservedConcurrentExecutions(400));

        assertAwsError(
                () -> lambda.putFunctionConcurrency(
                        b -> b.functionName("greedy").reservedConcurrentExecutions(501)),
                "InvalidParameterValueException",
                400,
                "Specified ReservedConcurrentExecutions for function " + BELOW_MINIMUM);
        lambda.putFunctionConcurrency(b -> b.functionName("greedy").reservedConcurrentExecutions(500));
        assertThat(lambda.getAccountSettings().accountLimit().unreservedConcurrentExecutions())
                .isEqualTo(100);
        lambda.putFunctionConcurrency(b -> b.functionName("modest").reservedConcurrentExecutions(350));
        assertThat(lambda.getAccountSettings().accountLimit().unreservedConcurrentExecutions())
                .as("a new reservation replaces the function's old one")
                .isEqualTo(150);
    }

    @Test
    void badReservationsAreRefusedWithAwsErrors() {
        lambda.createFunction(FunctionApiIT.create("picky").build());
        lambda.publishVersion(b -> b.functionName("picky"));

        assertAwsErrorContaining(
                () -> lambda.putFunctionConcurrency(b -> b.functionName("picky").reservedConcurrentExecutions(-1)),
                "ValidationException",
                400,
                "at 'reservedConcurrentExecutions' failed to satisfy constraint: Member must have value greater than"
                        + " or equal to 0");
        assertAwsError(
                () -> lambda.putFunctionConcurrency(
                        b -> b.functionName("picky:1").reservedConcurrentExecutions(5)),
                "InvalidParameterValueException",
                400,
                "This operation is permitted on Lambda functions only. Aliases and versions do not support this"
                        + " operation. Please specify either a function name or an unqualified function ARN.");
        assertAwsError(
                () -> lambda.putFunctionConcurrency(
                        b -> b.functionName("nobody").reservedConcurrentExecutions(5)),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "nobody:$LATEST");
        assertAwsError(
                () -> lambda.getFunctionConcurrency(b -> b.functionName("nobody")),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "nobody");
    }

    @Test
    void provisionsAVersionAndAnAlias() {
        lambda.createFunction(FunctionApiIT.create("warm").build());
        lambda.publishVersion(b -> b.functionName("warm"));
        lambda.updateFunctionConfiguration(b -> b.functionName("warm").timeout(7));
        lambda.publishVersion(b -> b.functionName("warm"));
        lambda.createAlias(b -> b.functionName("warm").name("live").functionVersion("2"));

        PutProvisionedConcurrencyConfigResponse put = lambda.putProvisionedConcurrencyConfig(
                b -> b.functionName("warm").qualifier("1").provisionedConcurrentExecutions(5));
        assertThat(put.requestedProvisionedConcurrentExecutions()).isEqualTo(5);
        assertThat(put.allocatedProvisionedConcurrentExecutions()).isZero();
        // As on AWS: IN_PROGRESS until the data plane serves it (read-your-writes; ReadYourWritesIT).
        assertThat(put.status()).isEqualTo(ProvisionedConcurrencyStatusEnum.IN_PROGRESS);
        assertThat(put.lastModified()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        lambda.putProvisionedConcurrencyConfig(
                b -> b.functionName("warm").qualifier("live").provisionedConcurrentExecutions(3));

        assertThat(lambda.getProvisionedConcurrencyConfig(
                                b -> b.functionName("warm").qualifier("live"))
                        .requestedProvisionedConcurrentExecutions())
                .isEqualTo(3);
        assertThat(lambda.listProvisionedConcurrencyConfigs(b -> b.functionName("warm"))
                        .provisionedConcurrencyConfigs())
                .extracting(ProvisionedConcurrencyConfigListItem::functionArn)
                .containsExactly(ARN + "warm:1", ARN + "warm:live");
        assertThat(lambda.getAccountSettings().accountLimit().unreservedConcurrentExecutions())
                .isEqualTo(992);

        lambda.deleteProvisionedConcurrencyConfig(b -> b.functionName("warm").qualifier("1"));
        assertAwsError(
                () -> lambda.getProvisionedConcurrencyConfig(
                        b -> b.functionName("warm").qualifier("1")),
                "ProvisionedConcurrencyConfigNotFoundException",
                404,
                "No Provisioned Concurrency Config found for this function");
    }

    @Test
    void badProvisionedConfigsAreRefusedWithAwsErrors() {
        lambda.createFunction(FunctionApiIT.create("cold").build());
        lambda.publishVersion(b -> b.functionName("cold"));
        lambda.createAlias(b -> b.functionName("cold").name("live").functionVersion("1"));

        assertAwsError(
                () -> lambda.putProvisionedConcurrencyConfig(
                        b -> b.functionName("cold").qualifier("$LATEST").provisionedConcurrentExecutions(1)),
                "InvalidParameterValueException",
                400,
                "Provisioned Concurrency Configs cannot be applied to unpublished function versions.");
        assertAwsErrorContaining(
                () -> lambda.putProvisionedConcurrencyConfig(
                        b -> b.functionName("cold").qualifier("1").provisionedConcurrentExecutions(0)),
                "ValidationException",
                400,
                "at 'provisionedConcurrentExecutions' failed to satisfy constraint");
        assertAwsError(
                () -> lambda.putProvisionedConcurrencyConfig(
                        b -> b.functionName("cold").qualifier("9").provisionedConcurrentExecutions(1)),
                "ResourceNotFoundException",
                404,
                "Function not found: " + ARN + "cold:9");
        assertAwsError(
                () -> lambda.putProvisionedConcurrencyConfig(
                        b -> b.functionName("cold").qualifier("nope").provisionedConcurrentExecutions(1)),
                "ResourceNotFoundException",
                404,
                "Cannot find alias arn: " + ARN + "cold:nope");
        assertAwsError(
                () -> lambda.putProvisionedConcurrencyConfig(
                        b -> b.functionName("cold").qualifier("1").provisionedConcurrentExecutions(901)),
                "InvalidParameterValueException",
                400,
                "Specified ConcurrentExecutions for function " + BELOW_MINIMUM);

        lambda.putProvisionedConcurrencyConfig(
                b -> b.functionName("cold").qualifier("live").provisionedConcurrentExecutions(2));
        assertAwsError(
                () -> lambda.putProvisionedConcurrencyConfig(
                        b -> b.functionName("cold").qualifier("1").provisionedConcurrentExecutions(2)),
                "ResourceConflictException",
                409,
                "Version is pointed by a Provisioned Concurrency alias");

        lambda.putFunctionConcurrency(b -> b.functionName("cold").reservedConcurrentExecutions(2));
        assertAwsError(
                () -> lambda.putProvisionedConcurrencyConfig(
                        b -> b.functionName("cold").qualifier("live").provisionedConcurrentExecutions(3)),
                "InvalidParameterValueException",
                400,
                "Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution for"
                        + " function");
        assertAwsError(
                () -> lambda.putFunctionConcurrency(b -> b.functionName("cold").reservedConcurrentExecutions(1)),
                "InvalidParameterValueException",
                400,
                " ReservedConcurrentExecutions  1 should not be lower than function's total provisioned"
                        + " concurrency [2].");
        assertAwsError(
                () -> lambda.getProvisionedConcurrencyConfig(
                        b -> b.functionName("cold").qualifier("$LATEST")),
                "InvalidParameterValueException",
                400,
                "The function resource provided must be an alias or a published version.");
    }

    @Test
    void concurrencyChangesReachTheTopicWithTombstones() {
        String arn =
                lambda.createFunction(FunctionApiIT.create("metered").build()).functionArn();
        lambda.publishVersion(b -> b.functionName("metered"));
        lambda.putFunctionConcurrency(b -> b.functionName("metered").reservedConcurrentExecutions(10));
        lambda.putProvisionedConcurrencyConfig(
                b -> b.functionName("metered").qualifier("1").provisionedConcurrentExecutions(4));
        lambda.deleteProvisionedConcurrencyConfig(b -> b.functionName("metered").qualifier("1"));
        lambda.deleteFunctionConcurrency(b -> b.functionName("metered"));

        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            List<ConsumerRecord<String, byte[]>> reserved = topic.awaitRecords(arn + "#concurrency", 2);
            JsonNode put = Lambdas.value(reserved.get(0));
            assertThat(put.path("type").asString()).isEqualTo("CONCURRENCY");
            assertThat(put.path("snapshot").path("functionArn").asString()).isEqualTo(arn);
            assertThat(put.path("snapshot").path("reservedConcurrentExecutions").asInt())
                    .isEqualTo(10);
            assertThat(reserved.get(1).value()).isNull();
            assertThat(Lambdas.header(reserved.get(1), RegistryChangeHeaders.RESOURCE_TYPE))
                    .isEqualTo("CONCURRENCY");

            List<ConsumerRecord<String, byte[]>> provisioned =
                    topic.awaitRecords(arn + ":1#provisioned-concurrency", 2);
            JsonNode config = Lambdas.value(provisioned.get(0));
            assertThat(config.path("type").asString()).isEqualTo("PROVISIONED_CONCURRENCY");
            assertThat(config.path("snapshot").path("functionArn").asString()).isEqualTo(arn + ":1");
            assertThat(config.path("snapshot").path("qualifier").asString()).isEqualTo("1");
            assertThat(config.path("snapshot")
                            .path("requestedProvisionedConcurrentExecutions")
                            .asInt())
                    .isEqualTo(4);
            assertThat(provisioned.get(1).value()).isNull();
        }
    }

    @Test
    void deletingAFunctionReleasesItsConcurrency() {
        String arn =
                lambda.createFunction(FunctionApiIT.create("leaving").build()).functionArn();
        lambda.publishVersion(b -> b.functionName("leaving"));
        lambda.putFunctionConcurrency(b -> b.functionName("leaving").reservedConcurrentExecutions(300));
        lambda.putProvisionedConcurrencyConfig(
                b -> b.functionName("leaving").qualifier("1").provisionedConcurrentExecutions(1));

        lambda.deleteFunction(b -> b.functionName("leaving"));

        assertThat(lambda.getAccountSettings().accountLimit().unreservedConcurrentExecutions())
                .isEqualTo(1000);
        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            assertThat(topic.awaitRecords(arn + "#concurrency", 2).get(1).value())
                    .isNull();
            assertThat(topic.awaitRecords(arn + ":1#provisioned-concurrency", 2)
                            .get(1)
                            .value())
                    .isNull();
        }
    }

    @Test
    void accountSettingsCountFunctionsAndCode() {
        lambda.createFunction(FunctionApiIT.create("counted").build());
        lambda.publishVersion(b -> b.functionName("counted"));

        var settings = lambda.getAccountSettings();
        assertThat(settings.accountUsage().functionCount()).isEqualTo(1);
        assertThat(settings.accountUsage().totalCodeSize()).isEqualTo(2L * Zips.handler().length);
        assertThat(settings.accountLimit().codeSizeZipped()).isEqualTo(52_428_800L);
        assertThat(settings.accountLimit().codeSizeUnzipped()).isEqualTo(262_144_000L);
        assertThat(settings.accountLimit().totalCodeSize()).isEqualTo(80_530_636_800L);
    }
}
