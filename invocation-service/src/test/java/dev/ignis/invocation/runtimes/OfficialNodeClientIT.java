package dev.ignis.invocation.runtimes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.invocation.support.EngineIT;
import dev.ignis.invocation.support.Packages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * AWS's own Node.js runtime interface client (npm {@code aws-lambda-ric}, built natively on first
 * run and cached under target/) runs unchanged against our Runtime API, as a custom runtime whose
 * client comes in a layer.
 */
class OfficialNodeClientIT extends EngineIT {

    private static final String VERSION = "3.3.0";
    private static final Path INSTALL = Path.of("target/node-ric");
    private static final Path CLIENT = INSTALL.resolve("node_modules/aws-lambda-ric");

    @BeforeAll
    static void installClient() throws Exception {
        if (Files.exists(CLIENT.resolve("dist/rapid-client.node"))) {
            return;
        }
        Files.createDirectories(INSTALL);
        // npm 11 runs no install scripts unless the package is allowed to: this one builds a native addon.
        Files.writeString(
                INSTALL.resolve("package.json"),
                "{\"name\":\"ric-fixture\",\"version\":\"1.0.0\",\"private\":true,"
                        + "\"allowScripts\":{\"aws-lambda-ric\":true}}");
        Process npm = new ProcessBuilder("npm", "install", "--no-audit", "--no-fund", "aws-lambda-ric@" + VERSION)
                .directory(INSTALL.toFile())
                .redirectErrorStream(true)
                .redirectOutput(INSTALL.resolve("npm.log").toFile())
                .start();
        assertThat(npm.waitFor(10, TimeUnit.MINUTES)).as("npm install finished").isTrue();
        assertThat(npm.exitValue())
                .as("npm install aws-lambda-ric, see " + INSTALL.resolve("npm.log"))
                .isZero();
    }

    /** The client's run-time files as a layer: {@code /opt/nodejs/node_modules/aws-lambda-ric}. */
    private static byte[] clientLayer() {
        Packages layer = Packages.zip();
        for (String part : new String[] {"bin", "dist"}) {
            try (Stream<Path> files = Files.walk(CLIENT.resolve(part))) {
                files.filter(Files::isRegularFile)
                        .forEach(f -> layer.copy("nodejs/node_modules/aws-lambda-ric/" + CLIENT.relativize(f), f));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return layer.copy("nodejs/node_modules/aws-lambda-ric/package.json", CLIENT.resolve("package.json"))
                .bytes();
    }

    @Test
    void awsNodeRuntimeClientRunsAHandler() {
        Packages function = Packages.zip()
                .executable(
                        "bootstrap",
                        """
                        #!/bin/sh
                        cd "$LAMBDA_TASK_ROOT"
                        exec node /opt/nodejs/node_modules/aws-lambda-ric/bin/index.mjs "$_HANDLER"
                        """)
                .file(
                        "index.mjs",
                        """
                        let calls = 0;
                        export const handler = async (event, context) => {
                          calls++;
                          console.log("official client says hi");
                          return { echo: event.msg, calls, fn: context.functionName, id: context.awsRequestId };
                        };
                        """);
        String name = unique("node-ric");
        deploy(registry()
                .function(name, "provided.al2023", "index.handler", function.bytes())
                .layer("aws-lambda-ric", clientLayer())
                .memory(256));
        InvokeResponse first = invokeWithTail(name, "{\"msg\":\"ping\"}");
        String body = first.payload().asUtf8String();
        assertThat(first.functionError()).as(body).isNull();
        assertThat(body).contains("\"echo\":\"ping\"").contains("\"calls\":1").contains("\"fn\":\"" + name + "\"");
        assertThat(tail(first)).contains("official client says hi");
        assertThat(invoke(name, "{\"msg\":\"again\"}").payload().asUtf8String()).contains("\"calls\":2");
    }
}
