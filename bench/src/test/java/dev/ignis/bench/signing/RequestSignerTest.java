package dev.ignis.bench.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestSignerTest {

    private final RequestSigner signer =
            new RequestSigner(new SigningKey("test", "test", "us-east-1"), URI.create("http://127.0.0.1:8080"));

    @Test
    void signsForLambdaInTheRegionWithHostAndDateSigned() {
        String headers =
                signer.headers("POST", "/2015-03-31/functions/f/invocations", "{}".getBytes(StandardCharsets.UTF_8));

        assertThat(headers)
                .containsPattern("Authorization: AWS4-HMAC-SHA256 Credential=test/\\d{8}/us-east-1/lambda/aws4_request")
                .containsPattern("SignedHeaders=[a-z0-9;-]*host[a-z0-9;-]*")
                .containsPattern("X-Amz-Date: \\d{8}T\\d{6}Z\r\n")
                .doesNotContain("Host:")
                .doesNotContain("test/test")
                .endsWith("\r\n");
    }

    @Test
    void signsTheHostHeaderTheRawClientSends() {
        assertThat(signer.signedHost("POST", "/")).isEqualTo("127.0.0.1:8080");
    }

    @Test
    void costsAMeasurableAmountPerSignature() {
        double micros = signer.microsPerSign("/2015-03-31/functions/f/invocations", new byte[] {'{', '}'}, 50);
        assertThat(micros).isPositive().isFinite();
    }

    @Test
    void neverPrintsTheSecret() {
        assertThat(new SigningKey("id", "s3cr3t", "us-east-1").toString()).doesNotContain("s3cr3t");
    }
}
