package dev.ignis.registry.eventsource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceKind;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.eventsource.EventSourceMappingApi.Destination;
import dev.ignis.registry.eventsource.EventSourceMappingApi.DestinationConfig;
import dev.ignis.registry.eventsource.EventSourceMappingApi.UpdateRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The error handling controls and OnFailure destinations of Kafka mappings, as AWS checks them. */
class MappingRulesTest {

    @Test
    void kafkaMappingsTakeTheErrorHandlingControls() {
        assertThatCode(() -> MappingRules.checkSettings(
                        SourceKind.KAFKA, settings(3, 3600, true, null, "arn:aws:sqs:us-east-1:000000000000:failed")))
                .doesNotThrowAnyException();
        assertThatCode(() -> MappingRules.checkSettings(SourceKind.KAFKA, settings(-1, -1, false, null, null)))
                .doesNotThrowAnyException();
    }

    @Test
    void kafkaRangesAreTheModelsAndTheAgeFloorIsLambdas() {
        assertError(
                settings(10_001, null, null, null, null),
                LambdaErrorType.VALIDATION,
                "1 validation error detected: Value '10001' at 'maximumRetryAttempts' failed to satisfy constraint:"
                        + " Member must have value less than or equal to 10000");
        assertError(
                settings(null, 30, null, null, null),
                LambdaErrorType.INVALID_PARAMETER_VALUE,
                "MaximumRecordAgeInSeconds must be -1 or between 60 and 604800.");
    }

    @Test
    void kafkaPartialBatchResponsesStayRefused() {
        assertError(
                settings(null, null, null, List.of("ReportBatchItemFailures"), null),
                LambdaErrorType.INVALID_PARAMETER_VALUE,
                "Unsupported 'FunctionResponseTypes' parameter for given event source mapping type.");
    }

    @Test
    void aKafkaTopicDestinationIsTheModelsPatternAndNeverTheSourceTopic() {
        assertThatCode(() -> MappingRules.checkSettings(
                        SourceKind.KAFKA, settings(null, null, null, null, "kafka://orders-failed")))
                .doesNotThrowAnyException();
        assertThatCode(() -> MappingRules.checkKafkaDestination(
                        settings(null, null, null, null, "kafka://orders-failed"), "orders"))
                .doesNotThrowAnyException();
        var sameTopic = catchThrowableOfType(
                LambdaApiException.class,
                () -> MappingRules.checkKafkaDestination(settings(null, null, null, null, "kafka://orders"), "orders"));
        assertThat(sameTopic.type()).isEqualTo(LambdaErrorType.INVALID_PARAMETER_VALUE);
        var badName = catchThrowableOfType(
                LambdaApiException.class,
                () -> MappingRules.checkSettings(
                        SourceKind.KAFKA, settings(null, null, null, null, "kafka://.hidden")));
        assertThat(badName.type()).isEqualTo(LambdaErrorType.VALIDATION);
        assertThat(badName.getMessage())
                .startsWith("1 validation error detected: Value 'kafka://.hidden' at"
                        + " 'destinationConfig.onFailure.destination' failed to satisfy constraint: Member must satisfy"
                        + " regular expression pattern: $|kafka://");
    }

    @Test
    void onlyKafkaMappingsTakeAKafkaTopicDestination() {
        var error = catchThrowableOfType(
                LambdaApiException.class,
                () -> MappingRules.checkSettings(
                        SourceKind.KINESIS, settings(null, null, null, null, "kafka://orders-failed")));
        assertThat(error.type()).isEqualTo(LambdaErrorType.INVALID_PARAMETER_VALUE);
        assertThat(error.getMessage())
                .isEqualTo("Unsupported DestinationConfig parameter for given event source mapping type.");
    }

    @Test
    void sqsMappingsStillRefuseRetries() {
        var error = catchThrowableOfType(
                LambdaApiException.class,
                () -> MappingRules.checkSettings(SourceKind.SQS, settings(2, null, null, null, null)));
        assertThat(error.getMessage())
                .isEqualTo("Unsupported 'MaximumRetryAttempts' parameter for given event source mapping type.");
    }

    private static void assertError(UpdateRequest settings, LambdaErrorType type, String message) {
        var error = catchThrowableOfType(
                LambdaApiException.class, () -> MappingRules.checkSettings(SourceKind.KAFKA, settings));
        assertThat(error.type()).isEqualTo(type);
        assertThat(error.getMessage()).isEqualTo(message);
    }

    private static UpdateRequest settings(
            Integer retries, Integer age, Boolean bisect, List<String> responseTypes, String onFailure) {
        return new UpdateRequest(
                null,
                null,
                null,
                null,
                null,
                onFailure == null ? null : new DestinationConfig(null, new Destination(onFailure)),
                age,
                bisect,
                retries,
                null,
                null,
                responseTypes,
                null);
    }
}
