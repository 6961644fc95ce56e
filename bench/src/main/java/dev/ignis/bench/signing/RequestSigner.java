package dev.ignis.bench.signing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs requests for the gateway with the AWS SDK's own SigV4 signer, one by one (a signature
 * carries its time, so it cannot be reused), and hands back the header lines the raw client adds.
 * The signer is stateless and thread-safe; one instance serves every load thread.
 */
public final class RequestSigner {

    private static final String SERVICE = "lambda";

    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();
    private final AwsCredentialsIdentity identity;
    private final String region;
    private final URI base;

    public RequestSigner(SigningKey key, URI base) {
        this.identity = AwsCredentialsIdentity.create(key.accessKeyId(), key.secretAccessKey());
        this.region = key.region();
        this.base = base;
    }

    /**
     * The lines ({@code Name: value\r\n}) that authenticate {@code method path} with {@code body}
     * (null for none). Host is signed as {@code host:port}, exactly what the raw client sends, so
     * it is left out here.
     */
    public String headers(String method, String path, byte[] body) {
        StringBuilder lines = new StringBuilder(512);
        for (Map.Entry<String, List<String>> header :
                sign(method, path, body).request().headers().entrySet()) {
            if (!header.getKey().equalsIgnoreCase("Host")) {
                lines.append(header.getKey())
                        .append(": ")
                        .append(String.join(",", header.getValue()))
                        .append("\r\n");
            }
        }
        return lines.toString();
    }

    /** The signed Host header's value, to check it matches what the raw client sends. */
    public String signedHost(String method, String path) {
        return sign(method, path, null).request().firstMatchingHeader("Host").orElse("");
    }

    private SignedRequest sign(String method, String path, byte[] body) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .protocol(base.getScheme())
                .host(base.getHost())
                .port(base.getPort())
                .encodedPath(path)
                .build();
        return signer.sign(b -> b.identity(identity)
                .request(request)
                .payload(body == null ? null : ContentStreamProvider.fromByteArrayUnsafe(body))
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, SERVICE));
    }

    /**
     * Average cost of one signature in microseconds, after a warm-up, so the report can show that
     * signing does not dominate a gateway invoke.
     */
    public double microsPerSign(String path, byte[] body, int count) {
        for (int i = 0; i < count; i++) {
            headers("POST", path, body);
        }
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            headers("POST", path, body);
        }
        return (System.nanoTime() - start) / 1000.0 / count;
    }
}
