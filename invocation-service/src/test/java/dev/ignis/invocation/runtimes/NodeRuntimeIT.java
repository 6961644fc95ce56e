package dev.ignis.invocation.runtimes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.invocation.support.EngineIT;
import dev.ignis.invocation.support.Packages;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The nodejs runtimes (our own bootstrap): CommonJS and ES modules, async and callback handlers. */
class NodeRuntimeIT extends EngineIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(InvokeResponse response) {
        return JSON.readTree(response.payload().asUtf8String());
    }

    private String deploy(String runtime, String handler, Packages zip) {
        String name = unique("node");
        deploy(registry().function(name, runtime, handler, zip.bytes()).environment(Map.of("GREETING", "hey")));
        return name;
    }

    @Test
    void commonJsAsyncHandlerGetsContextAndKeepsModuleState() {
        String name = deploy(
                "nodejs20.x",
                "index.handler",
                Packages.zip()
                        .file(
                                "index.js",
                                """
                        let calls = 0;
                        exports.handler = async (event, context) => {
                          calls++;
                          console.log("handling", event.name);
                          return {
                            hello: event.name, calls,
                            requestId: context.awsRequestId,
                            functionName: context.functionName,
                            memory: context.memoryLimitInMB,
                            remaining: context.getRemainingTimeInMillis(),
                            greeting: process.env.GREETING,
                            execEnv: process.env.AWS_EXECUTION_ENV,
                          };
                        };
                        """));
        InvokeResponse first = invokeWithTail(name, "{\"name\":\"node\"}");
        JsonNode body = json(first);
        assertThat(body.get("hello").asString()).isEqualTo("node");
        assertThat(body.get("calls").asInt()).isEqualTo(1);
        assertThat(body.get("functionName").asString()).isEqualTo(name);
        assertThat(body.get("memory").asString()).isEqualTo("128");
        assertThat(body.get("remaining").asInt()).isBetween(1, 3000);
        assertThat(body.get("greeting").asString()).isEqualTo("hey");
        assertThat(body.get("execEnv").asString()).isEqualTo("AWS_Lambda_nodejs20.x");
        assertThat(tail(first)).containsPattern("\\t" + body.get("requestId").asString() + "\\tINFO\\thandling node");
        assertThat(json(invoke(name, "{\"name\":\"again\"}")).get("calls").asInt())
                .isEqualTo(2);
    }

    @Test
    void esModuleHandlerRuns() {
        String name = deploy(
                "nodejs22.x",
                "app.handler",
                Packages.zip()
                        .file("app.mjs", "export const handler = async (event) => ({ esm: true, got: event.x });\n"));
        JsonNode body = json(invoke(name, "{\"x\":42}"));
        assertThat(body.get("esm").asBoolean()).isTrue();
        assertThat(body.get("got").asInt()).isEqualTo(42);
    }

    @Test
    void callbackHandlerRuns() {
        String name = deploy(
                "nodejs20.x",
                "cb.handler",
                Packages.zip()
                        .file(
                                "cb.js",
                                """
                        exports.handler = function (event, context, callback) {
                          setTimeout(() => callback(null, { via: "callback", n: event.n * 2 }), 5);
                        };
                        """));
        JsonNode body = json(invoke(name, "{\"n\":21}"));
        assertThat(body.get("via").asString()).isEqualTo("callback");
        assertThat(body.get("n").asInt()).isEqualTo(42);
    }

    @Test
    void thrownErrorsComeBackAsAwsDoesForNode() {
        String name = deploy(
                "nodejs20.x",
                "index.handler",
                Packages.zip()
                        .file(
                                "index.js",
                                """
                        class NotFound extends Error { constructor(m) { super(m); this.name = "NotFound"; } }
                        exports.handler = async () => { throw new NotFound("nothing here"); };
                        """));
        InvokeResponse response = invoke(name, "{}");
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode body = json(response);
        assertThat(body.get("errorType").asString()).isEqualTo("NotFound");
        assertThat(body.get("errorMessage").asString()).isEqualTo("nothing here");
        assertThat(body.get("trace").get(0).asString()).startsWith("NotFound: nothing here");
    }

    @Test
    void timesOutRunsOutOfMemoryAndFindsLayerModules() {
        String name = unique("node-chores");
        deploy(registry()
                .function(
                        name,
                        "nodejs20.x",
                        "index.handler",
                        Packages.zip()
                                .file(
                                        "index.js",
                                        """
                                        const shared = require("shared");
                                        exports.handler = async (event) => {
                                          if (event.chore === "sleep") await new Promise((r) => setTimeout(r, event.ms));
                                          if (event.chore === "allocate") {
                                            const blocks = [];
                                            for (let i = 0; i < event.mb; i++) blocks.push(Buffer.alloc(1024 * 1024, 1));
                                            return blocks.length;
                                          }
                                          return shared.value;
                                        };
                                        """)
                                .bytes())
                .timeout(1)
                .memory(128)
                .layer(
                        "shared",
                        Packages.zip()
                                .file("nodejs/node_modules/shared/index.js", "exports.value = 'from the layer';\n")
                                .bytes()));
        assertThat(invoke(name, "{}").payload().asUtf8String()).isEqualTo("\"from the layer\"");
        JsonNode timedOut = json(invoke(name, "{\"chore\":\"sleep\",\"ms\":3000}"));
        assertThat(timedOut.get("errorType").asString()).isEqualTo("Sandbox.Timedout");
        assertThat(timedOut.get("errorMessage").asString()).endsWith("Task timed out after 1.00 seconds");
        JsonNode oom = json(invoke(name, "{\"chore\":\"allocate\",\"mb\":400}"));
        assertThat(oom.get("errorType").asString()).isEqualTo("Runtime.OutOfMemory");
        assertThat(invoke(name, "{}").payload().asUtf8String()).isEqualTo("\"from the layer\"");
    }

    @Test
    void aMissingHandlerFailsInit() {
        String name = deploy("nodejs20.x", "index.nope", Packages.zip().file("index.js", "exports.handler = 1;\n"));
        JsonNode body = json(invoke(name, "{}"));
        assertThat(body.get("errorType").asString()).isEqualTo("Runtime.HandlerNotFound");
        assertThat(body.get("errorMessage").asString()).isEqualTo("index.nope is undefined or not exported");
    }
}
