package dev.ignis.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenApiMergeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode doc(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    @Test
    void unitesPathsOperationsComponentsAndTagsOfEveryService() {
        ObjectNode base = (ObjectNode) doc("{'openapi':'3.1.0','paths':{'/invoke':{'post':{'operationId':'Invoke'}}}}");
        ObjectNode merged = OpenApiMerge.merge(
                base,
                List.of(
                        OpenApiMerge.Source.of(
                                "registry",
                                doc("{'paths':{'/functions':{'get':{'operationId':'List'}}},"
                                        + "'components':{'schemas':{'Fn':{'type':'object'}}},'tags':[{'name':'a'}]}")),
                        OpenApiMerge.Source.of(
                                "async",
                                doc(
                                        "{'paths':{'/functions':{'post':{'operationId':'Create'}}},"
                                                + "'components':{'schemas':{'Ev':{'type':'string'}}},'tags':[{'name':'a'},{'name':'b'}]}"))),
                path -> true);

        assertThat(merged.path("paths").propertyNames()).containsExactlyInAnyOrder("/invoke", "/functions");
        assertThat(merged.path("paths").path("/functions").propertyNames()).containsExactlyInAnyOrder("get", "post");
        assertThat(merged.path("components").path("schemas").propertyNames()).containsExactlyInAnyOrder("Fn", "Ev");
        assertThat(merged.path("tags").valueStream().map(t -> t.path("name").asString()))
                .containsExactly("a", "b");
        assertThat(merged.has("x-ignis-conflicts")).isFalse();
        assertThat(base.path("paths").has("/functions"))
                .as("the base is not changed")
                .isFalse();
    }

    @Test
    void theEarlierDefinitionWinsAndTheClashIsListed() {
        ObjectNode merged = OpenApiMerge.merge(
                (ObjectNode)
                        doc(
                                "{'paths':{'/x':{'get':{'operationId':'Mine'}}},'components':{'schemas':{'S':{'type':'object'}}}}"),
                List.of(OpenApiMerge.Source.of(
                        "registry",
                        doc("{'paths':{'/x':{'get':{'operationId':'Theirs'}}},"
                                + "'components':{'schemas':{'S':{'type':'string'}}}}"))),
                path -> true);

        assertThat(merged.path("paths")
                        .path("/x")
                        .path("get")
                        .path("operationId")
                        .asString())
                .isEqualTo("Mine");
        assertThat(merged.path("components")
                        .path("schemas")
                        .path("S")
                        .path("type")
                        .asString())
                .isEqualTo("object");
        assertThat(merged.path("x-ignis-conflicts").valueStream().map(JsonNode::asString))
                .containsExactly("registry: get /x", "registry: components/schemas/S");
    }

    @Test
    void leavesOutPathsTheGatewayDoesNotForward() {
        ObjectNode merged = OpenApiMerge.merge(
                (ObjectNode) doc("{'paths':{}}"),
                List.of(OpenApiMerge.Source.of(
                        "registry",
                        doc("{'paths':{'/2015-03-31/functions':{'get':{}},'/ignis/v1/registry/changes':{'get':{}}}}"))),
                path -> path.startsWith("/2015-03-31/"));

        assertThat(merged.path("paths").propertyNames()).containsExactly("/2015-03-31/functions");
    }

    @Test
    void namesTheServicesThatDidNotAnswer() {
        ObjectNode merged = OpenApiMerge.merge(
                (ObjectNode) doc("{'paths':{}}"),
                List.of(OpenApiMerge.Source.unavailable("event-source", "Connection refused")),
                path -> true);

        assertThat(merged.path("x-ignis-unavailable").path("event-source").asString())
                .isEqualTo("Connection refused");
    }
}
