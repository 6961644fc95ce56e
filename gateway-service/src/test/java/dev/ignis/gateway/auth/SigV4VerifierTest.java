package dev.ignis.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.gateway.auth.AuthProperties.AccessKey;
import dev.ignis.gateway.auth.AuthProperties.Mode;
import dev.ignis.gateway.auth.AuthResult.Rejected;
import dev.ignis.gateway.auth.AuthResult.Verified;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The verifier against requests signed by the AWS SDK for Java v2's own SigV4 signer: what the SDK
 * and CLI send must verify, and every way of getting it wrong must fail with AWS's error.
 */
class SigV4VerifierTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final String INVOKE_PATH =
            "/2015-03-31/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A000000000000%3Afunction%3Aweb/invocations";
    static final byte[] EVENT = "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8);

    final SigV4Verifier verifier = verifier(Mode.VERIFY, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void verifiesAnSdkSignedInvokeWithAnArnPathAndAQualifier() {
        SdkHttpRequest signed = sign("test", "test", "eu-west-3", "lambda", NOW, EVENT);

        assertThat(verify(signed, EVENT)).isEqualTo(new Verified("test"));
    }

    @Test
    void rejectsAWrongSecretWithInvalidSignature() {
        SdkHttpRequest signed = sign("test", "not-the-secret", "us-east-1", "lambda", NOW, EVENT);

        assertThat(verify(signed, EVENT))
                .isEqualTo(new Rejected("InvalidSignatureException", 403, SigV4Verifier.BAD_SIGNATURE));
    }

    @Test
    void rejectsATamperedBodyWithInvalidSignature() {
        SdkHttpRequest signed = sign("test", "test", "us-east-1", "lambda", NOW, EVENT);

        assertThat(verify(signed, "{\"hello\":\"mallory\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Rejected.class)
                .extracting(r -> ((Rejected) r).errorType())
                .isEqualTo("InvalidSignatureException");
    }

    @Test
    void rejectsAnUnknownAccessKeyAsUnrecognizedClient() {
        SdkHttpRequest signed = sign("AKIDUNKNOWN", "test", "us-east-1", "lambda", NOW, EVENT);

        assertThat(verify(signed, EVENT))
                .isEqualTo(new Rejected(
                        "UnrecognizedClientException", 403, "The security token included in the request is invalid."));
    }

    @Test
    void rejectsARequestWithoutAuthorizationAsMissingToken() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Host", "localhost:8080");

        assertThat(verifier.verify("GET", "/2015-03-31/functions/", null, headers, new byte[0]))
                .isEqualTo(new Rejected("MissingAuthenticationTokenException", 403, "Missing Authentication Token"));
    }

    @Test
    void rejectsASignatureOlderThanFiveMinutesWithAwsWording() {
        SdkHttpRequest signed = sign("test", "test", "us-east-1", "lambda", NOW.minus(Duration.ofMinutes(10)), EVENT);

        assertThat(verify(signed, EVENT))
                .isEqualTo(new Rejected(
                        "InvalidSignatureException",
                        403,
                        "Signature expired: 20260301T095000Z is now earlier than 20260301T095500Z"
                                + " (20260301T100000Z - 5 min.)"));
    }

    @Test
    void acceptsASignatureWithinFiveMinutesEitherWay() {
        SdkHttpRequest old = sign("test", "test", "us-east-1", "lambda", NOW.minus(Duration.ofMinutes(4)), EVENT);
        SdkHttpRequest ahead = sign("test", "test", "us-east-1", "lambda", NOW.plus(Duration.ofMinutes(4)), EVENT);

        assertThat(verify(old, EVENT)).isEqualTo(new Verified("test"));
        assertThat(verify(ahead, EVENT)).isEqualTo(new Verified("test"));
    }

    @Test
    void rejectsASignatureFromTheFuture() {
        SdkHttpRequest signed = sign("test", "test", "us-east-1", "lambda", NOW.plus(Duration.ofMinutes(6)), EVENT);

        assertThat(((Rejected) verify(signed, EVENT)).message())
                .isEqualTo("Signature not yet current: 20260301T100600Z is still later than 20260301T100500Z"
                        + " (20260301T100000Z + 5 min.)");
    }

    @Test
    void acceptsAnyRegionButOnlyTheLambdaService() {
        SdkHttpRequest forS3 = sign("test", "test", "ap-southeast-2", "s3", NOW, EVENT);

        assertThat(verify(forS3, EVENT))
                .isEqualTo(new Rejected(
                        "InvalidSignatureException", 403, "Credential should be scoped to correct service: 'lambda'."));
    }

    @Test
    void refusesAHeaderWithoutItsParametersAsIncompleteSignature() {
        HttpHeaders headers = new HttpHeaders();
        headers.set("Host", "localhost:8080");
        headers.set("Authorization", "AWS4-HMAC-SHA256 Credential=test/20260301/us-east-1/lambda/aws4_request");

        AuthResult result = verifier.verify("GET", "/", null, headers, Sha256.EMPTY_PAYLOAD);

        assertThat(result).isInstanceOf(Rejected.class);
        Rejected rejected = (Rejected) result;
        assertThat(rejected.errorType()).isEqualTo("IncompleteSignatureException");
        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.message())
                .startsWith("Authorization header requires 'Signature' parameter. Authorization header requires"
                        + " 'SignedHeaders' parameter. Authorization header requires existence of either a"
                        + " 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256");
    }

    @Test
    void acceptAnyModeLetsEveryCallerThroughUnderTheKeyItClaims() {
        SigV4Verifier lenient = verifier(Mode.ACCEPT_ANY, Clock.fixed(NOW, ZoneOffset.UTC));
        SdkHttpRequest signed =
                sign("someone", "whatever", "us-east-1", "lambda", NOW.minus(Duration.ofDays(2)), EVENT);

        assertThat(verify(lenient, signed, EVENT)).isEqualTo(new Verified("someone"));
        assertThat(lenient.verify("GET", "/", null, new HttpHeaders(), new byte[0]))
                .isEqualTo(new Verified("anonymous"));
    }

    private AuthResult verify(SdkHttpRequest signed, byte[] body) {
        return verify(verifier, signed, body);
    }

    static AuthResult verify(SigV4Verifier verifier, SdkHttpRequest signed, byte[] body) {
        HttpHeaders headers = new HttpHeaders();
        signed.headers().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        headers.set("Host", signed.host() + ":" + signed.port());
        URI uri = signed.getUri();
        return verifier.verify(signed.method().name(), uri.getRawPath(), uri.getRawQuery(), headers, body);
    }

    private static SigV4Verifier verifier(Mode mode, Clock clock) {
        return new SigV4Verifier(
                mode, new AccessKeys(List.of(new AccessKey("test", "test"))), Duration.ofMinutes(5), clock);
    }

    /** What the SDK sends for Invoke: a POST with an encoded ARN in the path and a query. */
    static SdkHttpRequest sign(String keyId, String secret, String region, String service, Instant at, byte[] body) {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .protocol("http")
                .host("localhost")
                .port(8080)
                .encodedPath(INVOKE_PATH)
                .putRawQueryParameter("Qualifier", "live")
                .putHeader("Content-Type", "application/json")
                .putHeader("X-Amz-Invocation-Type", "RequestResponse")
                .build();
        return AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create(keyId, secret))
                        .request(request)
                        .payload(ContentStreamProvider.fromByteArray(body))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC)))
                .request();
    }

    @Test
    void schedulerPathsAreSignedForSchedulerAndNothingElseIs() {
        HttpHeaders none = new HttpHeaders();
        assertThat(SigV4Verifier.serviceFor("/schedules", none)).isEqualTo("scheduler");
        assertThat(SigV4Verifier.serviceFor("/schedules/nightly", none)).isEqualTo("scheduler");
        assertThat(SigV4Verifier.serviceFor("/schedulesx", none)).isEqualTo("lambda");
        assertThat(SigV4Verifier.serviceFor("/2015-03-31/functions/", none)).isEqualTo("lambda");
        HttpHeaders events = new HttpHeaders();
        events.add(SigV4Verifier.TARGET, "AWSEvents.ListRules");
        assertThat(SigV4Verifier.serviceFor("/", events)).isEqualTo("events");
    }
}
