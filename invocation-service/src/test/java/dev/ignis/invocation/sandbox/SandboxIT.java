package dev.ignis.invocation.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.invocation.support.EngineIT;
import dev.ignis.invocation.support.Packages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each escape a function might try, and each limit: all must fail inside the sandbox while the
 * platform keeps serving. Needs bubblewrap, root and cgroups, as {@code .ci/run} provides.
 */
class SandboxIT extends EngineIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String PROBES =
            """
            import json, os, socket

            def try_read(path):
                try:
                    with open(path, "rb") as f:
                        return "read %d bytes" % len(f.read())
                except Exception as e:
                    return type(e).__name__

            def read(event, context):
                return {p: try_read(p) for p in event["paths"]}

            def connect(event, context):
                s = socket.socket()
                s.settimeout(2)
                try:
                    s.connect(("127.0.0.1", event["port"]))
                    return "connected"
                except Exception as e:
                    return type(e).__name__
                finally:
                    s.close()

            def whoami(event, context):
                return {"uid": os.getuid(), "pids": sorted(int(p) for p in os.listdir("/proc") if p.isdigit()),
                        "taskRootWritable": os.access("/var/task", os.W_OK), "cwd": os.getcwd()}

            def forkbomb(event, context):
                children = 0
                try:
                    while children < 5000:
                        if os.fork() == 0:
                            import time
                            time.sleep(30)
                            os._exit(0)
                        children += 1
                    return "forked %d" % children
                except OSError as e:
                    return "stopped after %d: %s" % (children, type(e).__name__)

            def allocate(event, context):
                blocks = [bytearray(1024 * 1024) for _ in range(event["mb"])]
                return len(blocks)

            def fill_tmp(event, context):
                written = 0
                try:
                    with open("/tmp/fill", "wb") as f:
                        while written < event["mb"]:
                            f.write(b"x" * 1024 * 1024)
                            f.flush()
                            written += 1
                    return "wrote %d MB" % written
                except OSError as e:
                    return "stopped at %d MB: %s" % (written, e.strerror)
            """;

    @Autowired
    Sandbox sandbox;

    @BeforeEach
    void requireIsolation() {
        assertThat(sandbox.isolating())
                .as("SandboxIT needs bubblewrap (apt-get install bubblewrap), as .ci/run installs")
                .isTrue();
    }

    private String deploy(String handler, int memory, int ephemeral) {
        String name = unique("sbx");
        deploy(registry()
                .function(
                        name,
                        "python3.12",
                        "probes." + handler,
                        Packages.zip().file("probes.py", PROBES).bytes())
                .memory(memory)
                .ephemeralStorage(ephemeral)
                .timeout(30));
        return name;
    }

    private JsonNode run(String name, String payload) {
        InvokeResponse response = invoke(name, payload);
        return JSON.readTree(response.payload().asUtf8String());
    }

    @Test
    void cannotReadAnotherFunctionsCodeTheRegistryDatabaseOrSecrets() throws Exception {
        String victim = unique("victim");
        deploy(registry()
                .function(
                        victim,
                        "python3.12",
                        "probes.whoami",
                        Packages.zip().file("probes.py", PROBES).bytes()));
        run(victim, "{}"); // unpacks the victim's code on this host
        Path codeRoot = home().resolve("data/invocation/code");
        Path victimCode;
        try (var dirs = Files.list(codeRoot)) {
            victimCode =
                    dirs.filter(Files::isDirectory).findFirst().orElseThrow().resolve("probes.py");
        }
        Path database = Files.createDirectories(home().resolve("data/registry")).resolve("registry.mv.db");
        Files.writeString(database, "registry rows");
        Path key = home().resolve("data/secrets/env.key");

        String prober = deploy("read", 128, 512);
        JsonNode result = run(prober, JSON.writeValueAsString(Map.of("paths", new String[] {
            victimCode.toString(), database.toString(), key.toString(), "/var/task/probes.py"
        })));
        assertThat(result.get(victimCode.toString()).asString()).isEqualTo("FileNotFoundError");
        assertThat(result.get(database.toString()).asString()).isEqualTo("FileNotFoundError");
        assertThat(result.get(key.toString()).asString()).isEqualTo("FileNotFoundError");
        assertThat(result.get("/var/task/probes.py").asString()).startsWith("read ");
    }

    @Test
    void runsUnprivilegedInItsOwnPidNamespaceWithReadOnlyCode() {
        JsonNode who = run(deploy("whoami", 128, 512), "{}");
        assertThat(who.get("uid").asInt()).isNotZero();
        assertThat(who.get("taskRootWritable").asBoolean()).isFalse();
        assertThat(who.get("cwd").asString()).isEqualTo("/var/task");
        assertThat(who.get("pids").size()).isLessThan(5);
    }

    @Test
    void cannotCallThePlatformsOwnPorts() {
        String name = deploy("connect", 128, 512);
        assertThat(run(name, "{\"port\": " + port + "}").asString()).isEqualTo("ConnectionRefusedError");
        int kafka = Integer.parseInt(
                System.getProperty("spring.embedded.kafka.brokers").replaceAll(".*:", ""));
        assertThat(run(name, "{\"port\": " + kafka + "}").asString()).isEqualTo("ConnectionRefusedError");
    }

    @Test
    void aForkBombHitsThePidLimitAndThePlatformKeepsServing() {
        String name = deploy("forkbomb", 2048, 512);
        JsonNode result = run(name, "{}");
        assertThat(result.isString()).as(result.toString()).isTrue();
        String outcome = result.asString();
        assertThat(outcome).startsWith("stopped after ").endsWith("BlockingIOError");
        assertThat(run(deploy("whoami", 128, 512), "{}").get("uid").asInt()).isNotZero();
    }

    @Test
    void allocatingPastMemorySizeKillsTheEnvironment() {
        String name = deploy("allocate", 128, 512);
        InvokeResponse response = invoke(name, "{\"mb\": 400}");
        assertThat(response.functionError()).isEqualTo("Unhandled");
        JsonNode body = JSON.readTree(response.payload().asUtf8String());
        assertThat(body.get("errorType").asString()).isEqualTo("Runtime.OutOfMemory");
        assertThat(body.get("errorMessage").asString()).endsWith("Error: Runtime exited with error: signal: killed");
        assertThat(run(name, "{\"mb\": 10}").asInt()).isEqualTo(10);
    }

    @Test
    void tmpIsPrivateAndLimitedToEphemeralStorage() {
        String name = deploy("fill_tmp", 1024, 512);
        String outcome = run(name, "{\"mb\": 700}").asString();
        assertThat(outcome).startsWith("stopped at ").endsWith("No space left on device");
        int written = Integer.parseInt(outcome.replaceAll("stopped at (\\d+) MB.*", "$1"));
        assertThat(written).isBetween(500, 512);
    }
}
