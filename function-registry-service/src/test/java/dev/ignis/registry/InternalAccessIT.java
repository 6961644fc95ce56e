package dev.ignis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.internal.InternalCredential;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The registry as a cluster runs it ({@code ignis.internal.required=true}): nothing but health
 * without the internal credential, and code downloads only for a credential holder and only while a
 * live function references the package.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ignis.internal.required=true")
@EmbeddedKafka(partitions = 1, topics = ChangeTopic.NAME)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
class InternalAccessIT {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ignis.home", home::toString);
        registry.add("ignis.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        TestDatabase.freshDatabase().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    InternalCredential credential;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void cleanUp() {
        try (LambdaClient lambda = insider()) {
            Lambdas.deleteAll(lambda);
        }
    }

    @Test
    void aCallerWithoutTheInternalCredentialGetsOnlyHealth() throws Exception {
        HttpResponse<String> list = get("/2015-03-31/functions/", null);
        HttpResponse<String> forged = get("/2015-03-31/functions/", "not-the-credential");
        HttpResponse<String> readyz = get("/readyz", null);
        HttpResponse<String> metrics = get("/actuator/prometheus", null);

        assertThat(list.statusCode()).isEqualTo(403);
        assertThat(list.headers().firstValue("x-amzn-ErrorType")).hasValue("AccessDeniedException");
        assertThat(list.body()).doesNotContain("FunctionName");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(metrics.statusCode()).isEqualTo(403);
        assertThat(readyz.statusCode()).isEqualTo(200);
        assertThat(get("/2015-03-31/functions/", credential.headerValue()).statusCode())
                .isEqualTo(200);
    }

    @Test
    void codeIsServedOnlyToACredentialHolderAndOnlyWhileSomethingReferencesIt() throws Exception {
        byte[] zip = Zips.handler();
        String path = "/ignis/v1/code/" + HexFormat.of().formatHex(FunctionApiIT.sha256(zip));
        try (LambdaClient lambda = insider()) {
            lambda.createFunction(FunctionApiIT.create("coded").build());
            String location =
                    lambda.getFunction(b -> b.functionName("coded")).code().location();
            assertThat(URI.create(location).getPath()).isEqualTo(path);

            assertThat(get(path, null).statusCode()).isEqualTo(403);
            assertThat(get(path, credential.headerValue()).statusCode()).isEqualTo(200);
            assertThat(get("/ignis/v1/code/" + "ab".repeat(32), credential.headerValue())
                            .statusCode())
                    .isEqualTo(404);

            lambda.deleteFunction(b -> b.functionName("coded"));
        }
        assertThat(get(path, credential.headerValue()).statusCode())
                .as("the code of a deleted function is gone for callers")
                .isEqualTo(404);
    }

    private HttpResponse<String> get(String path, String presented) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (presented != null) {
            request.header(InternalCredential.HEADER, presented);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The AWS SDK as another Ignis service would call: with the internal credential. */
    private LambdaClient insider() {
        String value = credential.headerValue();
        return LambdaClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                    @Override
                    public SdkHttpRequest modifyHttpRequest(
                            Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
                        return context.httpRequest().toBuilder()
                                .putHeader(InternalCredential.HEADER, value)
                                .build();
                    }
                }))
                .build();
    }
}
