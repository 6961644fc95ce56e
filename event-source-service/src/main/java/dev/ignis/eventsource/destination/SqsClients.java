package dev.ignis.eventsource.destination;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/**
 * SQS clients for OnFailure queues, one per region, built on first use and shared by every mapping of
 * a kind of source: against {@code endpoint} when set, else AWS's. Credentials come from the AWS SDK's
 * default chain; against a configured endpoint (ElasticMQ takes any key) a placeholder key stands in
 * when the chain has none.
 */
public final class SqsClients implements AutoCloseable {

    private final URI endpoint;
    private final Map<String, SqsClient> clients = new ConcurrentHashMap<>();

    /** @param endpoint an SQS-compatible endpoint, or null for AWS's */
    public SqsClients(URI endpoint) {
        this.endpoint = endpoint;
    }

    public SqsClient forRegion(String region) {
        return clients.computeIfAbsent(region, r -> {
            SqsClientBuilder builder = SqsClient.builder().region(Region.of(r));
            if (endpoint != null) {
                builder.endpointOverride(endpoint).credentialsProvider(withPlaceholder());
            }
            return builder.build();
        });
    }

    /** The default chain, then a placeholder key: for endpoints that take any key. */
    public static AwsCredentialsProvider withPlaceholder() {
        return AwsCredentialsProviderChain.builder()
                .credentialsProviders(
                        DefaultCredentialsProvider.builder().build(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("ignis", "ignis")))
                .build();
    }

    @Override
    public void close() {
        clients.values().forEach(SqsClient::close);
    }
}
