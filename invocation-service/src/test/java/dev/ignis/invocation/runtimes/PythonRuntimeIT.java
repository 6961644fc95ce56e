package dev.ignis.invocation.runtimes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.invocation.support.EngineIT;
import dev.ignis.invocation.support.Packages;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The python3.x runtime (our own bootstrap) end to end, through the Invoke API. */
class PythonRuntimeIT extends EngineIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String HANDLER =
            """
            import os, time
            calls = 0

            def echo(event, context):
                return event

            def describe(event, context):
                global calls
                calls += 1
                print("describing", context.aws_request_id)
                import logging
                logging.getLogger("app").warning("warned %d", calls)
                return {
                    "calls": calls,
                    "requestId": context.aws_request_id,
                    "functionName": context.function_name,
                    "functionVersion": context.function_version,
                    "arn": context.invoked_function_arn,
                    "memory": context.memory_limit_in_mb,
                    "logGroup": context.log_group_name,
                    "logStream": context.log_stream_name,
                    "remaining": context.get_remaining_time_in_millis(),
                    "env": {k: os.environ.get(k) for k in [
                        "GREETING", "AWS_REGION", "AWS_LAMBDA_FUNCTION_NAME", "AWS_LAMBDA_FUNCTION_MEMORY_SIZE",
                        "AWS_LAMBDA_FUNCTION_VERSION", "AWS_LAMBDA_INITIALIZATION_TYPE", "AWS_EXECUTION_ENV",
                        "LAMBDA_TASK_ROOT", "_HANDLER", "TZ", "AWS_LAMBDA_LOG_GROUP_NAME", "_X_AMZN_TRACE_ID"]},
                    "cwd": os.getcwd(),
                }

            def fail(event, context):
                raise ValueError("boom: " + event.get("why", ""))

            def sleep(event, context):
                time.sleep(event["seconds"])
                return "slept"

            def crash(event, context):
                os._exit(3)
            """;

    private String deploy(String handler) {
        return deploy(handler, 3);
    }

    private String deploy(String handler, int timeout) {
        String name = unique("py");
        deploy(registry()
                .function(
                        name,
                        "python3.12",
                        "app." + handler,
                        Packages.zip().file("app.py", HANDLER).bytes())
                .timeout(timeout)
                .environment(Map.of("GREETING", "hello")));
        return name;
    }

    private static JsonNode json(InvokeResponse response) {
        return JSON.readTree(response.payload().asUtf8String());
    }

    @Test
    void echoesTheEvent() {
        String name = deploy("echo");
        InvokeResponse response = invoke(name, "{\"hello\":[1,2,{\"x\":\"ü\"}]}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isNull();
        assertThat(response.executedVersion()).isEqualTo("$LATEST");
        assertThat(json(response).toString()).isEqualTo("{\"hello\":[1,2,{\"x\":\"ü\"}]}");
    }

    @Test
    void givesTheHandlerLambdasContextAndEnvironment() {
        String name = deploy("describe");
        JsonNode body = json(invoke(name, "{}"));
        assertThat(body.get("functionName").asString()).isEqualTo(name);
        assertThat(body.get("functionVersion").asString()).isEqualTo("$LATEST");
        assertThat(body.get("arn").asString()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:" + name);
        assertThat(body.get("memory").asString()).isEqualTo("128");
        assertThat(body.get("logGroup").asString()).isEqualTo("/aws/lambda/" + name);
        assertThat(body.get("logStream").asString()).matches("\\d{4}/\\d{2}/\\d{2}/\\[\\$LATEST\\][0-9a-f]{32}");
        assertThat(body.get("remaining").asInt()).isBetween(1, 3000);
        JsonNode env = body.get("env");
        assertThat(env.get("GREETING").asString()).isEqualTo("hello");
        assertThat(env.get("AWS_REGION").asString()).isEqualTo("us-east-1");
        assertThat(env.get("AWS_LAMBDA_FUNCTION_NAME").asString()).isEqualTo(name);
        assertThat(env.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE").asString()).isEqualTo("128");
        assertThat(env.get("AWS_LAMBDA_INITIALIZATION_TYPE").asString()).isEqualTo("on-demand");
        assertThat(env.get("AWS_EXECUTION_ENV").asString()).isEqualTo("AWS_Lambda_python3.12");
        assertThat(env.get("_HANDLER").asString()).isEqualTo("app.describe");
        assertThat(env.get("_X_AMZN_TRACE_ID").asString()).startsWith("Root=1-");
        assertThat(env.get("LAMBDA_TASK_ROOT").asString())
                .isEqualTo(body.get("cwd").asString());
    }

    @Test
    void reusesTheWarmEnvironmentSoModuleStateSurvives() {
        String name = deploy("describe");
        assertThat(json(invoke(name, "{}")).get("calls").asInt()).isEqualTo(1);
        assertThat(json(invoke(name, "{}")).get("calls").asInt()).isEqualTo(2);
        assertThat(json(invoke(name, "{}")).get("calls").asInt()).isEqualTo(3);
    }

    @Test
    void tailReturnsTheLastLogLinesWithStartEndAndReport() {
        String name = deploy("describe");
        InvokeResponse response = invokeWithTail(name, "{}");
        String log = tail(response);
        String requestId = json(response).get("requestId").asString();
        assertThat(response.responseMetadata().requestId()).isEqualTo(requestId);
        assertThat(log).contains("START RequestId: " + requestId + " Version: $LATEST");
        assertThat(log).contains("describing " + requestId);
        assertThat(log).containsPattern("\\[WARNING]\t\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z\t" + requestId + "\twarned 1");
        assertThat(log).contains("END RequestId: " + requestId);
        assertThat(log)
                .containsPattern("REPORT RequestId: " + requestId
                        + "\tDuration: \\d+\\.\\d\\d ms\tBilled Duration: \\d+ ms\tMemory Size: 128 MB\tMax Memory Used: \\d+ MB"
                        + "\tInit Duration: \\d+\\.\\d\\d ms");
        assertThat(log.indexOf("describing")).isLessThan(log.indexOf("END RequestId"));
        assertThat(tail(invokeWithTail(name, "{}"))).doesNotContain("Init Duration");
    }

    @Test
    void handlerExceptionComesBackAsAnUnhandledFunctionError() {
        String name = deploy("fail");
        InvokeResponse response = invoke(name, "{\"why\":\"because\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode body = json(response);
        assertThat(body.get("errorType").asString()).isEqualTo("ValueError");
        assertThat(body.get("errorMessage").asString()).isEqualTo("boom: because");
        assertThat(body.get("stackTrace").isArray()).isTrue();
        assertThat(body.get("stackTrace").get(0).asString()).contains("app.py");
        // the environment survives a handled error
        assertThat(json(invoke(name, "{}")).get("errorType").asString()).isEqualTo("ValueError");
    }

    @Test
    void timeoutKillsTheEnvironmentAndSaysSo() {
        String name = deploy("sleep", 1);
        InvokeResponse response = invoke(name, "{\"seconds\":5}");
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode body = json(response);
        assertThat(body.get("errorType").asString()).isEqualTo("Sandbox.Timedout");
        assertThat(body.get("errorMessage").asString())
                .matches("RequestId: [0-9a-f-]{36} Error: Task timed out after 1.00 seconds");
        assertThat(json(invoke(name, "{\"seconds\":0}")).asString()).isEqualTo("slept");
    }

    @Test
    void aCrashReplacesTheEnvironment() {
        String name = deploy("crash");
        JsonNode body = json(invoke(name, "{}"));
        assertThat(body.get("errorType").asString()).isEqualTo("Runtime.ExitError");
        assertThat(body.get("errorMessage").asString()).endsWith("Error: Runtime exited with error: exit status 3");
        assertThat(json(invoke(name, "{}")).get("errorType").asString()).isEqualTo("Runtime.ExitError");
    }

    @Test
    void importErrorsFailInitWithLambdasErrorTypes() {
        String name = unique("py-import");
        deploy(registry()
                .function(
                        name,
                        "python3.12",
                        "missing.handler",
                        Packages.zip().file("app.py", HANDLER).bytes()));
        JsonNode body = json(invoke(name, "{}"));
        assertThat(body.get("errorType").asString()).isEqualTo("Runtime.ImportModuleError");
        assertThat(body.get("errorMessage").asString())
                .isEqualTo("Unable to import module 'missing': No module named 'missing'");

        String other = unique("py-handler");
        deploy(registry()
                .function(
                        other,
                        "python3.12",
                        "app.nothing",
                        Packages.zip().file("app.py", HANDLER).bytes()));
        JsonNode missing = json(invoke(other, "{}"));
        assertThat(missing.get("errorType").asString()).isEqualTo("Runtime.HandlerNotFound");
        assertThat(missing.get("errorMessage").asString()).isEqualTo("Handler 'nothing' missing on module 'app'");
    }

    @Test
    void layersAreOnThePythonPath() {
        String name = unique("py-layer");
        deploy(registry()
                .function(
                        name,
                        "python3.12",
                        "app.handler",
                        Packages.zip()
                                .file("app.py", "import shared\ndef handler(e, c):\n    return shared.VALUE\n")
                                .bytes())
                .layer(
                        "base",
                        Packages.zip()
                                .file("python/shared.py", "VALUE = 'first'\n")
                                .bytes())
                .layer(
                        "override",
                        Packages.zip()
                                .file("python/shared.py", "VALUE = 'second'\n")
                                .bytes()));
        assertThat(invoke(name, "{}").payload().asString(StandardCharsets.UTF_8))
                .isEqualTo("\"second\"");
    }
}
