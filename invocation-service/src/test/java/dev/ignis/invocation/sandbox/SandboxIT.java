package dev.ignis.invocation.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.credentials.FunctionCredentialKey;
import dev.ignis.contracts.credentials.FunctionCredentialRule;
import dev.ignis.invocation.sandbox.network.HostAddresses;
import dev.ignis.invocation.support.EngineIT;
import dev.ignis.invocation.support.Packages;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

            def try_connect(host, port):
                s = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
                s.settimeout(2)
                try:
                    s.connect((host, port))
                    return "connected"
                except Exception as e:
                    return type(e).__name__
                finally:
                    s.close()

            def connect(event, context):
                return {h + ":" + str(p): try_connect(h, p) for h in event["hosts"] for p in event["ports"]}

            def scan(event, context):
                host = event["host"]
                return [p for p in range(event["first"], event["last"] + 1) if try_connect(host, p) == "connected"]

            def credentials(event, context):
                return {k: os.environ[k] for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")}

            def runtime_api(event, context):
                return os.environ["AWS_LAMBDA_RUNTIME_API"]

            def steal_next(event, context):
                import http.client
                try:
                    c = http.client.HTTPConnection(event["address"], timeout=2)
                    c.request("GET", "/2018-06-01/runtime/invocation/next")
                    return "got %d" % c.getresponse().status
                except Exception as e:
                    return type(e).__name__

            def serve_own_loopback(event, context):
                import http.server, threading, urllib.request
                name = context.function_name.encode()
                class Handler(http.server.BaseHTTPRequestHandler):
                    def do_GET(self):
                        self.send_response(200)
                        self.end_headers()
                        self.wfile.write(name)
                    def log_message(self, *args):
                        pass
                server = http.server.HTTPServer(("127.0.0.1", 8080), Handler)
                threading.Thread(target=server.handle_request, daemon=True).start()
                try:
                    return urllib.request.urlopen("http://127.0.0.1:8080/", timeout=5).read().decode()
                finally:
                    server.server_close()

            def fetch(event, context):
                import urllib.request
                try:
                    return urllib.request.urlopen(event["url"], timeout=5).read().decode()
                except Exception as e:
                    return type(e).__name__

            def invoke_other(event, context):
                import urllib.request
                url = os.environ["AWS_ENDPOINT_URL_LAMBDA"] + "/2015-03-31/functions/" + event["name"] + "/invocations"
                request = urllib.request.Request(url, data=b"{}", method="POST")
                return json.loads(urllib.request.urlopen(request, timeout=10).read())

            def write(event, context):
                return {p: try_write(p) for p in event["paths"]}

            def try_write(path):
                try:
                    with open(path, "wb") as f:
                        f.write(b"x" * 1024 * 1024)
                    return "written"
                except OSError as e:
                    return e.strerror

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
        InvokeResponse response = invokeWithTail(name, payload);
        assertThat(response.functionError())
                .as(() ->
                        response.payload().asUtf8String() + "\n" + (response.logResult() == null ? "" : tail(response)))
                .isNull();
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
    void cannotReachThePlatformsPortsOnAnyAddressOfTheHost() {
        String name = deploy("connect", 128, 512);
        List<String> hosts = new ArrayList<>(List.of("127.0.0.1", "::1", "10.0.2.2", "fd00::2", "host.ignis.internal"));
        hosts.addAll(HostAddresses.current());
        assertNoneConnects(run(
                name, JSON.writeValueAsString(Map.of("hosts", hosts, "ports", List.of(kafkaPort(), registryPort())))));
        // Here the Invoke API doubles as the gateway (EngineIT): open at the door, nowhere else.
        hosts.removeAll(List.of("10.0.2.2", "host.ignis.internal"));
        assertNoneConnects(run(name, JSON.writeValueAsString(Map.of("hosts", hosts, "ports", List.of(port)))));
    }

    private static void assertNoneConnects(JsonNode result) {
        assertThat(result.properties()).isNotEmpty();
        result.properties().forEach(entry -> assertThat(entry.getValue().asString())
                .as(entry.getKey())
                .isNotEqualTo("connected"));
    }

    @Test
    void anotherEnvironmentsRuntimeApiIsOutOfReachAndItsEventsCannotBeTaken() {
        String victim = deploy("runtime_api", 128, 512);
        String victimApi = run(victim, "{}").asString();
        String prober = deploy("scan", 128, 512);
        String own = deploy("runtime_api", 128, 512);
        int victimPort = Integer.parseInt(victimApi.substring(victimApi.indexOf(':') + 1));
        for (String host : List.of("10.0.2.2", "127.0.0.1")) {
            JsonNode open = run(
                    prober,
                    JSON.writeValueAsString(Map.of("host", host, "first", victimPort - 200, "last", victimPort + 200)));
            assertThat(open.valueStream().map(JsonNode::asInt).toList())
                    .as("open ports on " + host)
                    .doesNotContain(victimPort)
                    .hasSizeLessThanOrEqualTo(1); // at most the prober's own Runtime API
        }
        String thief = deploy("steal_next", 128, 512);
        assertThat(run(thief, JSON.writeValueAsString(Map.of("address", victimApi)))
                        .asString())
                .isEqualTo("ConnectionRefusedError");
        assertThat(run(own, "{}").asString()).startsWith("10.0.2.2:");
    }

    @Test
    void twoFunctionsEachServeTheirOwnLoopbackPort8080() {
        String first = deploy("serve_own_loopback", 128, 512);
        String second = deploy("serve_own_loopback", 128, 512);
        assertThat(run(first, "{}").asString()).isEqualTo(first);
        assertThat(run(second, "{}").asString()).isEqualTo(second);
    }

    @Test
    void reachesTheUsersOwnServiceOnTheHostsLoopbackByTheDocumentedName() throws Exception {
        try (ServerSocket service = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket client = service.accept()) {
                    client.getInputStream().read(new byte[1024]);
                    client.getOutputStream()
                            .write("HTTP/1.0 200 OK\r\nContent-Length: 7\r\n\r\nhost ok"
                                    .getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    // the assertion below fails
                }
            });
            String name = deploy("fetch", 128, 512);
            String url = "http://host.ignis.internal:" + service.getLocalPort() + "/";
            assertThat(run(name, JSON.writeValueAsString(Map.of("url", url))).asString())
                    .isEqualTo("host ok");
        }
    }

    @Test
    void invokesAnotherFunctionThroughThePublicDoor() {
        String callee = deploy("runtime_api", 128, 512);
        String caller = deploy("invoke_other", 128, 512);
        assertThat(run(caller, JSON.writeValueAsString(Map.of("name", callee))).asString())
                .startsWith("10.0.2.2:");
    }

    @Test
    void eachFunctionGetsShortLivedCredentialsTheGatewaysRuleAccepts() throws Exception {
        JsonNode first = run(deploy("credentials", 128, 512), "{}");
        JsonNode second = run(deploy("credentials", 128, 512), "{}");
        FunctionCredentialRule rule = new FunctionCredentialRule(
                FunctionCredentialKey.read(home().resolve("data/secrets/function-credentials.key")));
        for (JsonNode credentials : List.of(first, second)) {
            String id = credentials.get("AWS_ACCESS_KEY_ID").asString();
            assertThat(rule.accept(id, java.time.Instant.now())).as(id).hasValueSatisfying(accepted -> assertThat(
                            accepted.secretAccessKey())
                    .isEqualTo(credentials.get("AWS_SECRET_ACCESS_KEY").asString()));
            assertThat(credentials.get("AWS_SESSION_TOKEN").asString()).isNotEmpty();
        }
        assertThat(first.get("AWS_ACCESS_KEY_ID")).isNotEqualTo(second.get("AWS_ACCESS_KEY_ID"));
    }

    @Test
    void writesToTheRootAndDevShmAreRefused() {
        JsonNode result = run(
                deploy("write", 128, 512),
                JSON.writeValueAsString(Map.of(
                        "paths",
                        List.of("/escape", "/dev/shm/escape", "/var/task/escape", "/etc/escape", "/tmp/allowed"))));
        assertThat(result.get("/escape").asString()).isEqualTo("Read-only file system");
        assertThat(result.get("/dev/shm/escape").asString()).isEqualTo("Read-only file system");
        assertThat(result.get("/var/task/escape").asString()).isEqualTo("Read-only file system");
        assertThat(result.get("/etc/escape").asString()).isEqualTo("Read-only file system");
        assertThat(result.get("/tmp/allowed").asString()).isEqualTo("written");
    }

    private static int kafkaPort() {
        return Integer.parseInt(
                System.getProperty("spring.embedded.kafka.brokers").replaceAll(".*:", ""));
    }

    private static int registryPort() {
        return URI.create(registry().url()).getPort();
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
