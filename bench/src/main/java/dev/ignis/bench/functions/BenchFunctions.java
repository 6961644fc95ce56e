package dev.ignis.bench.functions;

import dev.ignis.bench.signing.SigningKey;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

/**
 * The functions the scenarios invoke, created through the Lambda API with the AWS SDK (as users
 * do) and deleted again when the run ends, so a run leaves the stack's data as it found it.
 */
public final class BenchFunctions implements AutoCloseable {

    private final LambdaClient lambda;
    /** Concurrent: {@code registry} creates and deletes from a few threads at once. */
    private final Set<String> created = ConcurrentHashMap.newKeySet();

    public BenchFunctions(URI endpoint, SigningKey key) {
        this.lambda = LambdaClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(key.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(key.accessKeyId(), key.secretAccessKey())))
                .build();
    }

    /** The SDK client, for scenarios that need more of the API (function URLs). */
    public LambdaClient lambda() {
        return lambda;
    }

    /** Creates {@code name} afresh with the runtime's no-op. */
    public void create(String name, NoOpRuntime runtime) {
        create(name, runtime, runtime.handler(), runtime.zip());
    }

    /** Creates {@code name} afresh with other code for the runtime (density's holding function). */
    public void create(String name, NoOpRuntime runtime, String handler, byte[] zip) {
        delete(name);
        createNew(name, runtime, handler, zip);
    }

    /**
     * Creates {@code name}, which must not exist: one CreateFunction call and nothing else, so a
     * scenario can time exactly that call.
     */
    public void createNew(String name, NoOpRuntime runtime, String handler, byte[] zip) {
        lambda.createFunction(b -> b.functionName(name)
                .runtime(runtime.runtime())
                .handler(handler)
                .memorySize(runtime.memoryMb())
                .timeout(60)
                .role("arn:aws:iam::000000000000:role/bench")
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
        created.add(name);
    }

    public void delete(String name) {
        try {
            lambda.deleteFunction(b -> b.functionName(name));
        } catch (ResourceNotFoundException e) {
            // not there
        }
        created.remove(name);
    }

    /** Deletes what this run created and closes the client. */
    @Override
    public void close() {
        for (String name : Set.copyOf(created)) {
            try {
                delete(name);
            } catch (RuntimeException e) {
                System.err.println("Could not delete " + name + ": " + e.getMessage());
            }
        }
        lambda.close();
    }
}
