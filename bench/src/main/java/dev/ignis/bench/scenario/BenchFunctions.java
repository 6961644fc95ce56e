package dev.ignis.bench.scenario;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/** The no-op functions the scenarios invoke, created through the Lambda API with the AWS SDK. */
public final class BenchFunctions implements AutoCloseable {

    /** A runtime under test: its AWS identifier, handler, package and memory. */
    public record Kind(String label, String runtime, String handler, byte[] zip, int memoryMb) {}

    private final LambdaClient lambda;

    public BenchFunctions(URI endpoint) {
        this.lambda = LambdaClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .build();
    }

    public static Kind kind(String label) {
        return switch (label) {
            case "python" ->
                new Kind(
                        label,
                        "python3.12",
                        "noop.handler",
                        zip(Map.of("noop.py", "def handler(event, context):\n    return {}\n".getBytes())),
                        128);
            case "node" ->
                new Kind(
                        label,
                        "nodejs20.x",
                        "index.handler",
                        zip(Map.of("index.mjs", "export const handler = async () => ({});\n".getBytes())),
                        128);
            case "java" ->
                new Kind(
                        label,
                        "java21",
                        "dev.ignis.bench.handlers.NoOp::handleRequest",
                        zip(Map.of("dev/ignis/bench/handlers/NoOp.class", classBytes())),
                        512);
            default -> throw new IllegalArgumentException("No bench function for " + label);
        };
    }

    /** Creates {@code name} afresh. */
    public void create(String name, Kind kind, String extraCode, Map<String, String> environment) {
        delete(name);
        byte[] zip =
                extraCode == null ? kind.zip() : zip(Map.of("noop.py", extraCode.getBytes(StandardCharsets.UTF_8)));
        lambda.createFunction(b -> b.functionName(name)
                .runtime(kind.runtime())
                .handler(kind.handler())
                .memorySize(kind.memoryMb())
                .timeout(60)
                .role("arn:aws:iam::000000000000:role/bench")
                .environment(e -> e.variables(environment))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
    }

    public void delete(String name) {
        try {
            lambda.deleteFunction(b -> b.functionName(name));
        } catch (ResourceNotFoundException e) {
            // not there
        }
    }

    private static byte[] classBytes() {
        try (InputStream in = BenchFunctions.class.getResourceAsStream("/dev/ignis/bench/handlers/NoOp.class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        lambda.close();
    }
}
