package dev.ignis.invocation.runtimes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.invocation.fixtures.Chores;
import dev.ignis.invocation.fixtures.Greeter;
import dev.ignis.invocation.fixtures.Upcaser;
import dev.ignis.invocation.support.EngineIT;
import dev.ignis.invocation.support.Packages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Java handlers run by the official AWS runtime interface client: as the managed {@code java21}
 * runtime, and unchanged as a {@code provided.al2023} bootstrap of the function's own.
 */
class JavaRuntimeIT extends EngineIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path CLASSES = Path.of("target/test-classes");
    private static final Path RUNTIME_CLIENT = Path.of("target/classes/runtimes/java");

    /** The handler classes, laid out as a Java function package (classes at the root). */
    private static Packages handlerClasses() {
        Packages zip = Packages.zip();
        try (Stream<Path> files = Files.walk(CLASSES.resolve("dev/ignis/invocation/fixtures"))) {
            files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> !f.toString().contains("/layer/"))
                    .forEach(f -> zip.copy(CLASSES.relativize(f).toString(), f));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return zip;
    }

    /** A layer with {@code java/lib/shared.jar}, which Lambda puts on a Java function's classpath. */
    private static byte[] sharedLayer() throws java.io.IOException {
        java.io.ByteArrayOutputStream jar = new java.io.ByteArrayOutputStream();
        try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(jar)) {
            String entry = "dev/ignis/invocation/fixtures/layer/Shared.class";
            out.putNextEntry(new java.util.jar.JarEntry(entry));
            out.write(Files.readAllBytes(CLASSES.resolve(entry)));
            out.closeEntry();
        }
        return Packages.zip().file("java/lib/shared.jar", jar.toByteArray()).bytes();
    }

    @Test
    void java21TimesOutRunsOutOfMemoryAndUsesLayers() throws Exception {
        String name = unique("java-chores");
        deploy(registry()
                .function(
                        name, "java21", Chores.class.getName(), handlerClasses().bytes())
                .memory(256)
                .timeout(2)
                .layer("shared", sharedLayer()));
        assertThat(invoke(name, "{\"chore\":\"layer\"}").payload().asUtf8String())
                .isEqualTo("\"from the layer\"");

        JsonNode timedOut = json(invoke(name, "{\"chore\":\"sleep\",\"ms\":5000}"));
        assertThat(timedOut.get("errorType").asString()).isEqualTo("Sandbox.Timedout");
        assertThat(timedOut.get("errorMessage").asString()).endsWith("Task timed out after 2.00 seconds");

        InvokeResponse oom = invoke(name, "{\"chore\":\"allocate\",\"mb\":600}");
        assertThat(oom.functionError()).isEqualTo("Unhandled");
        assertThat(json(oom).get("errorType").asString()).containsAnyOf("OutOfMemoryError", "Runtime.OutOfMemory");
        assertThat(invoke(name, "{\"chore\":\"idle\"}").payload().asUtf8String())
                .isEqualTo("\"idle\"");
    }

    private static JsonNode json(InvokeResponse response) {
        return JSON.readTree(response.payload().asUtf8String());
    }

    @Test
    void java21RunsARequestHandlerWithPojosAndKeepsItWarm() {
        String name = unique("java");
        deploy(registry()
                .function(
                        name,
                        "java21",
                        Greeter.class.getName() + "::handleRequest",
                        handlerClasses().bytes())
                .memory(512)
                .environment(Map.of("GREETING", "hi")));
        InvokeResponse first = invokeWithTail(name, "{\"name\":\"Ada\"}");
        JsonNode body = json(first);
        assertThat(first.functionError()).isNull();
        assertThat(body.get("message").asString()).isEqualTo("Hello, Ada");
        assertThat(body.get("calls").asInt()).isEqualTo(1);
        assertThat(body.get("details").get("functionName").asString()).isEqualTo(name);
        assertThat(body.get("details").get("memory").asString()).isEqualTo("512");
        assertThat(body.get("details").get("remainingPositive").asString()).isEqualTo("true");
        assertThat(body.get("details").get("greeting").asString()).isEqualTo("hi");
        assertThat(tail(first)).contains("greeting Ada").contains("Init Duration");
        assertThat(json(invoke(name, "{\"name\":\"Bob\"}")).get("calls").asInt())
                .isEqualTo(2);
    }

    @Test
    void java21ReportsAHandlerExceptionWithItsType() {
        String name = unique("java-fail");
        deploy(registry()
                .function(
                        name,
                        "java21",
                        Greeter.class.getName(),
                        handlerClasses().bytes())
                .memory(512));
        InvokeResponse response = invoke(name, "{\"name\":\"fail\"}");
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode body = json(response);
        assertThat(body.get("errorType").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(body.get("errorMessage").asString()).isEqualTo("no greeting for fail");
        assertThat(body.get("stackTrace").isArray()).isTrue();
    }

    @Test
    void java17RunsARequestStreamHandler() {
        String name = unique("java-stream");
        deploy(registry()
                .function(
                        name,
                        "java17",
                        Upcaser.class.getName() + "::handleRequest",
                        handlerClasses().bytes())
                .memory(512));
        assertThat(invoke(name, "\"quiet please\"").payload().asUtf8String()).isEqualTo("\"QUIET PLEASE\"");
    }

    @Test
    void theOfficialJavaRuntimeClientRunsUnchangedAsACustomRuntimeBootstrap() throws Exception {
        Packages zip = handlerClasses()
                .executable(
                        "bootstrap",
                        """
                        #!/bin/sh
                        cd "$LAMBDA_TASK_ROOT"
                        exec "$JAVA_BIN" -XX:TieredStopAtLevel=1 -cp "$LAMBDA_TASK_ROOT/lib/*:$LAMBDA_TASK_ROOT" \\
                            com.amazonaws.services.lambda.runtime.api.client.AWSLambda "$_HANDLER"
                        """);
        try (Stream<Path> jars = Files.list(RUNTIME_CLIENT)) {
            jars.forEach(jar -> zip.copy("lib/" + jar.getFileName(), jar));
        }
        String name = unique("provided-ric");
        deploy(registry()
                .function(name, "provided.al2023", Greeter.class.getName() + "::handleRequest", zip.bytes())
                .memory(512)
                .environment(Map.of("JAVA_BIN", System.getProperty("java.home") + "/bin/java", "GREETING", "yo")));
        JsonNode body = json(invoke(name, "{\"name\":\"Custom\"}"));
        assertThat(body.get("message").asString()).isEqualTo("Hello, Custom");
        assertThat(body.get("details").get("greeting").asString()).isEqualTo("yo");
    }
}
