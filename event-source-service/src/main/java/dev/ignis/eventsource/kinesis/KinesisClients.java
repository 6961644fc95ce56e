package dev.ignis.eventsource.kinesis;

import dev.ignis.eventsource.config.EventSourceProperties;
import dev.ignis.eventsource.destination.SqsClients;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkSystemSetting;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The Kinesis and SQS clients, one per region, built on first use and shared by every mapping:
 * against {@code ignis.event-source.kinesis.endpoint} / {@code sqs-endpoint} when set, else AWS's.
 * Credentials come from the AWS SDK's default chain; against a configured endpoint (kinesalite,
 * ElasticMQ, which take any key) a placeholder key stands in when the chain has none.
 */
final class KinesisClients implements AutoCloseable {

    private final EventSourceProperties.Kinesis settings;
    private final Map<String, KinesisClient> kinesis = new ConcurrentHashMap<>();
    private final SqsClients sqs;

    KinesisClients(EventSourceProperties properties) {
        this.settings = properties.kinesis();
        this.sqs = new SqsClients(settings.sqsEndpoint());
        if (!settings.cbor()) {
            // The SDK has no per-client switch and reads this once, before its first Kinesis client.
            System.setProperty(SdkSystemSetting.CBOR_ENABLED.property(), "false");
        }
    }

    KinesisClient kinesis(String region) {
        return kinesis.computeIfAbsent(region, r -> {
            KinesisClientBuilder builder = KinesisClient.builder().region(Region.of(r));
            if (settings.endpoint() != null) {
                builder.endpointOverride(settings.endpoint()).credentialsProvider(SqsClients.withPlaceholder());
            }
            return builder.build();
        });
    }

    SqsClient sqs(String region) {
        return sqs.forRegion(region);
    }

    @Override
    public void close() {
        kinesis.values().forEach(KinesisClient::close);
        sqs.close();
    }
}
