package dev.ignis.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What the SDK-driven ITs share: a client for the running registry and checks of AWS errors and change records. */
final class Lambdas {

    static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:";

    private Lambdas() {}

    static LambdaClient client(int port) {
        return LambdaClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /** Deletes every function (and so everything that belongs to one). */
    static void deleteAll(LambdaClient lambda) {
        lambda.listFunctions().functions().forEach(f -> lambda.deleteFunction(b -> b.functionName(f.functionName())));
    }

    /** Asserts that the call fails with this AWS error type, HTTP status and message. */
    static void assertAwsError(ThrowingCallable call, String errorType, int status, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LambdaException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorType);
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    /** Like {@link #assertAwsError} for a message only partly known (validation errors name the value and field). */
    static void assertAwsErrorContaining(ThrowingCallable call, String errorType, int status, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(LambdaException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(errorType);
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
        });
    }

    static JsonNode value(ConsumerRecord<String, byte[]> record) {
        return JsonMapper.builder().build().readTree(record.value());
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
