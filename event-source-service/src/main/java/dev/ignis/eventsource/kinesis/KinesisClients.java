package dev.ignis.eventsource.kinesis;

import dev.ignis.eventsource.config.EventSourceProperties;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * The Kinesis and SQS clients, one per region, built on first use and shared by every mapping:
 * against {@code ignis.event-source.kinesis.endpoint} / {@code sqs-endpoint} when set, else AWS's.
 * Credentials come from the AWS SDK's default chain; against a configured endpoint (kinesalite,
 * ElasticMQ, which take any key) a placeholder key stands in when the chain has none.
 */
final class KinesisClients implements AutoCloseable {

    private final EventSourceProperties.Kinesis settings;
    private final Map<String, KinesisClient> kinesis = new ConcurrentHashMap<>();
    private final Map<String, SqsClient> sqs = new ConcurrentHashMap<>();

    KinesisClients(EventSourceProperties properties) {
        this.settings = properties.kinesis();
        if (!settings.cbor()) {
            // The SDK has no per-client switch and reads this once, before its first Kinesis client.
            System.setProperty(SdkSystemSetting.CBOR_ENABLED.property(), "false");
        }
    }

    KinesisClient kinesis(String region) {
        return kinesis.computeIfAbsent(region, r -> {
            KinesisClientBuilder builder = KinesisClient.builder().region(Region.of(r));
            if (settings.endpoint() != null) {
                builder.endpointOverride(settings.endpoint()).credentialsProvider(withPlaceholder());
            }
            return builder.build();
        });
    }

    SqsClient sqs(String region) {
        return sqs.computeIfAbsent(region, r -> {
            SqsClientBuilder builder = SqsClient.builder().region(Region.of(r));
            if (settings.sqsEndpoint() != null) {
                builder.endpointOverride(settings.sqsEndpoint()).credentialsProvider(withPlaceholder());
            }
            return builder.build();
        });
    }

    private static AwsCredentialsProvider withPlaceholder() {
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(
                        DefaultCredentialsProvider.builder().build(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("ignis", "ignis")))
                .build();
    }

    @Override
    public void close() {
        kinesis.values().forEach(KinesisClient::close);
        sqs.values().forEach(SqsClient::close);
    }
}
