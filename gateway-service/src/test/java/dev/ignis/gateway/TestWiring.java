package dev.ignis.gateway;

import java.time.Clock;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** What the gateway's integration tests share: the embedded broker, stand-in backends, signing. */
public final class TestWiring {

    private TestWiring() {}

    /** The embedded Kafka broker, and every backend service at {@code url}. */
    public static void servicesAt(DynamicPropertyRegistry registry, String url) {
        registry.add("ignis.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        for (String service : List.of("function-registry", "invocation", "async-queue", "event-source")) {
            registry.add("ignis.services." + service, () -> url);
        }
    }

    /** SigV4 with the AWS SDK's own signer, access key {@code test}, as the AWS tools sign. */
    public static SdkHttpRequest sign(SdkHttpFullRequest request, byte[] body, String secret) {
        return sign(request, body, secret, Clock.systemUTC());
    }

    /** As {@link #sign(SdkHttpFullRequest, byte[], String)}, with the signer's clock. */
    public static SdkHttpRequest sign(SdkHttpFullRequest request, byte[] body, String secret, Clock clock) {
        return AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create("test", secret))
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock))
                .request();
    }
}
