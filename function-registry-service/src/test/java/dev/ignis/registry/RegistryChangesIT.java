package dev.ignis.registry;

import static dev.ignis.registry.Lambdas.ARN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The read-through endpoint: the newest change under a record key, exactly as Kafka carries it. */
class RegistryChangesIT extends RegistryIT {

    final HttpClient http = HttpClient.newHttpClient();
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void answersTheNewestChangeOfAKeyAsKafkaCarriesIt() throws Exception {
        String arn =
                lambda.createFunction(FunctionApiIT.create("looked-up").build()).functionArn();
        String revision = lambda.updateFunctionConfiguration(
                        b -> b.functionName("looked-up").memorySize(640))
                .revisionId();

        HttpResponse<String> response = get(arn);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode change = json.readTree(response.body());
        assertThat(change.path("type").asString()).isEqualTo("FUNCTION");
        assertThat(change.path("revisionId").asString()).isEqualTo(revision);
        assertThat(change.path("snapshot").path("memorySizeMb").asInt()).isEqualTo(640);
        assertThat(response.headers().firstValue(RegistryChangeHeaders.RESOURCE_TYPE))
                .hasValue("FUNCTION");
        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            ConsumerRecord<String, byte[]> newest = topic.awaitRecords(arn, 2).get(1);
            assertThat(json.readTree(newest.value())).isEqualTo(change);
            assertThat(response.headers().firstValue(RegistryChangeHeaders.SEQUENCE))
                    .hasValue(Lambdas.header(newest, RegistryChangeHeaders.SEQUENCE));
        }
    }

    @Test
    void servesVersionsAliasesAndConcurrencyUnderTheirKeys() throws Exception {
        lambda.createFunction(FunctionApiIT.create("keyed").build());
        lambda.publishVersion(b -> b.functionName("keyed"));
        lambda.createAlias(b -> b.functionName("keyed").name("live").functionVersion("1"));
        lambda.putFunctionConcurrency(b -> b.functionName("keyed").reservedConcurrentExecutions(20));

        assertThat(json.readTree(get(ARN + "keyed:1").body()).path("type").asString())
                .isEqualTo("FUNCTION_VERSION");
        assertThat(json.readTree(get(ARN + "keyed:live").body())
                        .path("snapshot")
                        .path("functionVersion")
                        .asString())
                .isEqualTo("1");
        assertThat(json.readTree(get(ARN + "keyed#concurrency").body())
                        .path("snapshot")
                        .path("reservedConcurrentExecutions")
                        .asInt())
                .isEqualTo(20);
    }

    @Test
    void aDeletedResourceOrAMissingKeyIsAProblem() throws Exception {
        String arn = lambda.createFunction(FunctionApiIT.create("gone").build()).functionArn();
        lambda.deleteFunction(b -> b.functionName("gone"));

        HttpResponse<String> missing = get(arn);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
                .as(missing.body())
                .hasValue("application/problem+json");
        assertThat(json.readTree(missing.body()).path("status").asInt()).isEqualTo(404);

        HttpResponse<String> noKey = send("/ignis/v1/registry/changes");
        assertThat(noKey.statusCode()).isEqualTo(400);
    }

    private HttpResponse<String> get(String key) throws IOException, InterruptedException {
        return send("/ignis/v1/registry/changes?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
