package dev.ignis.e2e;

import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.launcher.IgnisStack;
import dev.ignis.launcher.LaunchOptions;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** What the e2e suites share: a whole stack booted through the launcher on free ports, and ZIPs. */
final class TestStacks {

    private static final List<String> COMPONENTS = List.of(
            "kafka",
            "function-registry",
            "invocation",
            "async-queue",
            "event-source",
            "gateway",
            "gateway" + LaunchOptions.MANAGEMENT_SUFFIX);

    /** The SQS and Kinesis servers of {@code --sqs --kinesis}, by their port-override keys. */
    static final List<String> QUEUES_AND_STREAMS = List.of(LaunchOptions.SQS, LaunchOptions.KINESIS);

    private TestStacks() {}

    /** Free ports for every component; Kafka's next port (its controller's) is free too. */
    static Map<String, Integer> freePorts() throws IOException {
        return freePorts(COMPONENTS);
    }

    /** The same, and for ElasticMQ and kinesalite ({@link #startWithQueuesAndStreams}). */
    static Map<String, Integer> freePortsWithQueuesAndStreams() throws IOException {
        return freePorts(java.util.stream.Stream.concat(COMPONENTS.stream(), QUEUES_AND_STREAMS.stream())
                .toList());
    }

    /**
     * Free ports for these components (launcher port-override keys, e.g. "invocation-2", or
     * "gateway-management" and "gateway-2-management" for the gateways' management ports).
     */
    static Map<String, Integer> freePorts(List<String> components) throws IOException {
        Map<String, Integer> ports = new HashMap<>();
        for (String component : components) {
            ports.put(component, freePort(ports, component.equals("kafka")));
        }
        return ports;
    }

    /** Boots the stack the way {@code ./ignis up} does, in {@code home}, and waits until it is healthy. */
    static IgnisStack start(Path home, Map<String, Integer> ports) throws IOException {
        return start(home, ports, Map.of());
    }

    /** The same, with {@code ./ignis up --replicas}: how many processes of each named service. */
    static IgnisStack start(Path home, Map<String, Integer> ports, Map<String, Integer> replicas) throws IOException {
        return start(home, ports, options -> options.withReplicas(replicas));
    }

    /**
     * The same with {@code ./ignis up --sqs --kinesis}: ElasticMQ and kinesalite on loopback, the
     * services pointed at them (kinesalite needs Node.js and npm, and installs once into ~/.cache/ignis).
     */
    static IgnisStack startWithQueuesAndStreams(Path home, Map<String, Integer> ports) throws IOException {
        return start(home, ports, options -> options.withSqs(true).withKinesis(true));
    }

    private static IgnisStack start(Path home, Map<String, Integer> ports, UnaryOperator<LaunchOptions> choices)
            throws IOException {
        // JUnit makes temporary directories owner-only; the sandboxed functions run as another user
        // and must be able to reach their code below the home, as under a normal .ignis.
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path root = Path.of(System.getProperty("ignis.project-root", ".."))
                .toAbsolutePath()
                .normalize();
        LaunchOptions options =
                choices.apply(LaunchOptions.defaults(root).withHome(home).withPortOverrides(ports));
        IgnisStack stack = IgnisStack.start(options, line -> System.out.println("[stack] " + line));
        // Generous: on a loaded 2-core machine five JVMs take minutes to come up; a healthy stack needs far less.
        stack.awaitHealthy(Duration.ofMinutes(6));
        return stack;
    }

    static LambdaClient client(IgnisStack stack) {
        return LambdaClient.builder()
                .endpointOverride(stack.gatewayUrl())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build();
    }

    /**
     * A request to one of the stack's internal services, with the internal credential they require
     * of every caller but health (these suites run with {@code IGNIS_INTERNAL_REQUIRED=true}, as a
     * cluster does, ADR 11).
     */
    static HttpRequest.Builder internalRequest(IgnisStack stack, URI uri) {
        try {
            String credential = Files.readString(
                            stack.options().dataDir().resolve("secrets/internal.key"), StandardCharsets.UTF_8)
                    .strip();
            return HttpRequest.newBuilder(uri).header(InternalCredential.HEADER, credential);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A GET through the gateway, SigV4-signed with the documented default key pair. */
    static HttpRequest signedGet(URI uri) {
        SdkHttpRequest signed = AwsV4HttpSigner.create()
                .sign(r -> r.identity(AwsCredentialsIdentity.create("test", "test"))
                        .request(SdkHttpRequest.builder()
                                .method(SdkHttpMethod.GET)
                                .uri(uri)
                                .build())
                        .payload(ContentStreamProvider.fromByteArray(new byte[0]))
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "lambda")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"))
                .request();
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Host")) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    static byte[] zipOf(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort(Map<String, Integer> taken, boolean withNext) throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            if (!taken.containsValue(port) && (!withNext || isFree(port + 1))) {
                return port;
            }
        }
        throw new IOException("No free port found");
    }
}
