package dev.ignis.registry;

import static dev.ignis.registry.Lambdas.assertAwsError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.registry.code.CodeStore;
import dev.ignis.registry.code.LocalDirectoryCodeStore;
import dev.ignis.registry.code.Sha256;
import dev.ignis.registry.code.s3.S3CodeStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The registry with {@code ignis.registry.code-store.type: s3}, against a real S3-compatible server
 * in the test JVM: S3Proxy over jclouds' in-memory ("transient") blob store, checking every
 * request's SigV4 signature. The test looks into the bucket with its own S3 client.
 */
class S3CodeStoreIT extends RegistryIT {

    private static final String BUCKET = "ignis-code";
    private static final String PREFIX = "packages/";
    private static final String ACCESS_KEY = "registry-key";
    private static final String SECRET_KEY = "registry-secret";

    private static S3Proxy server;
    private static S3Client bucket;

    @DynamicPropertySource
    static void codeInS3(DynamicPropertyRegistry registry) {
        URI endpoint = startServer();
        registry.add("ignis.registry.code-store.type", () -> "s3");
        registry.add("ignis.registry.code-store.s3.endpoint", endpoint::toString);
        registry.add("ignis.registry.code-store.s3.bucket", () -> BUCKET);
        registry.add("ignis.registry.code-store.s3.path-style-access", () -> "true");
        registry.add("ignis.registry.code-store.s3.key-prefix", () -> PREFIX);
        registry.add("ignis.registry.code-store.s3.access-key-id", () -> ACCESS_KEY);
        registry.add("ignis.registry.code-store.s3.secret-access-key", () -> SECRET_KEY);
    }

    @AfterAll
    static void stopServer() throws Exception {
        bucket.close();
        server.stop();
    }

    @Autowired
    CodeStore store;

    @AfterEach
    void emptyBucket() {
        objects().forEach(o -> bucket.deleteObject(b -> b.bucket(BUCKET).key(o.key())));
    }

    @Test
    void createFunctionStoresThePackageInTheBucketAndGetFunctionsLocationServesIt() throws Exception {
        byte[] zip = Zips.handler();
        String hex = Sha256.hex(zip);

        lambda.createFunction(FunctionApiIT.create("in-s3").build());

        assertThat(objects()).extracting(S3Object::key).containsExactly(PREFIX + hex + ".zip");
        assertThat(bucket.getObjectAsBytes(b -> b.bucket(BUCKET).key(PREFIX + hex + ".zip"))
                        .asByteArray())
                .isEqualTo(zip);
        assertThat(home.resolve("data/code")).as("nothing in the local store").doesNotExist();

        String location =
                lambda.getFunction(b -> b.functionName("in-s3")).code().location();
        HttpResponse<byte[]> download = download(location);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(download.body()).isEqualTo(zip);

        bucket.deleteObject(b -> b.bucket(BUCKET).key(PREFIX + hex + ".zip"));
        assertThat(download(location).statusCode())
                .as("the download reads the bucket, nothing else")
                .isEqualTo(404);
    }

    @Test
    void identicalPackagesAreUploadedOnce() {
        byte[] zip = Zips.handler();
        String key = PREFIX + Sha256.hex(zip) + ".zip";
        lambda.createFunction(FunctionApiIT.create("first").build());
        // Mark the stored object: a second upload of the same package would replace it, mark and all.
        bucket.putObject(
                b -> b.bucket(BUCKET).key(key).metadata(Map.of("planted", "by-test")), RequestBody.fromBytes(zip));

        lambda.createFunction(FunctionApiIT.create("second").build());
        lambda.updateFunctionCode(b -> b.functionName("first").zipFile(SdkBytes.fromByteArray(zip)));

        assertThat(objects()).extracting(S3Object::key).containsExactly(key);
        assertThat(bucket.headObject(b -> b.bucket(BUCKET).key(key)).metadata()).containsEntry("planted", "by-test");
        assertThat(lambda.getFunction(b -> b.functionName("second"))
                        .configuration()
                        .codeSha256())
                .isEqualTo(Sha256.base64OfHex(Sha256.hex(zip)));
    }

    @Test
    void aRefusedPackageLeavesTheBucketEmpty() {
        assertAwsError(
                () -> lambda.createFunction(FunctionApiIT.create("broken")
                        .code(c -> c.zipFile(SdkBytes.fromUtf8String("not a zip")))
                        .build()),
                "InvalidParameterValueException",
                400,
                "Could not unzip uploaded file. Please check your file, then try to upload again.");

        assertThat(objects()).isEmpty();
        assertThat(lambda.listFunctions().functions()).isEmpty();
    }

    @Test
    void deletingAFunctionKeepsItsPackageAsTheLocalStoreDoes() {
        byte[] zip = Zips.handler();
        lambda.createFunction(FunctionApiIT.create("short-lived").build());
        lambda.deleteFunction(b -> b.functionName("short-lived"));

        // Blobs are shared by versions and functions; only a sweeper of unreferenced blobs removes them.
        assertThat(objects()).extracting(S3Object::key).containsExactly(PREFIX + Sha256.hex(zip) + ".zip");
    }

    @Test
    void putOpenAndDeleteAnswerExactlyAsTheLocalStore(@TempDir Path localRoot) {
        assertThat(store).isInstanceOf(S3CodeStore.class);
        LocalDirectoryCodeStore local = new LocalDirectoryCodeStore(localRoot);

        assertThat(script(store)).isEqualTo(script(local));
        assertThat(script(store))
                .containsExactly(
                        "put " + Sha256.hex(Zips.of("a.py", "a")),
                        "put again same hash: true",
                        "open: a.py",
                        "delete: true",
                        "open after delete: absent",
                        "delete again: false",
                        "open unknown: absent",
                        "delete unknown: false",
                        "open not a hash: absent",
                        "delete not a hash: false");
    }

    /** One run of the contract's observable behaviour, as lines to compare between stores. */
    private static List<String> script(CodeStore store) {
        byte[] zip = Zips.of("a.py", "a");
        String unknown = Sha256.hex(new byte[] {42});
        List<String> lines = new ArrayList<>();
        String hash = store.put(zip);
        lines.add("put " + hash);
        lines.add("put again same hash: " + store.put(zip).equals(hash));
        lines.add("open: " + store.open(hash).map(firstEntryName()).orElse("absent"));
        lines.add("delete: " + store.delete(hash));
        lines.add("open after delete: " + store.open(hash).map(firstEntryName()).orElse("absent"));
        lines.add("delete again: " + store.delete(hash));
        lines.add("open unknown: " + store.open(unknown).map(firstEntryName()).orElse("absent"));
        lines.add("delete unknown: " + store.delete(unknown));
        lines.add("open not a hash: "
                + store.open("../" + hash).map(firstEntryName()).orElse("absent"));
        lines.add("delete not a hash: " + store.delete("../" + hash));
        return lines;
    }

    private static Function<InputStream, String> firstEntryName() {
        return in -> {
            try (var zip = new java.util.zip.ZipInputStream(in)) {
                return Optional.ofNullable(zip.getNextEntry())
                        .map(e -> e.getName())
                        .orElse("empty");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Code.Location names the gateway; the test has none, so it asks the registry behind it for the same path. */
    private HttpResponse<byte[]> download(String location) throws IOException, InterruptedException {
        URI direct =
                URI.create("http://localhost:" + port + URI.create(location).getPath());
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(direct).build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static List<S3Object> objects() {
        return bucket.listObjectsV2(b -> b.bucket(BUCKET)).contents();
    }

    private static URI startServer() {
        try {
            var blobs = ContextBuilder.newBuilder("transient")
                    .credentials("unused", "unused")
                    .build(BlobStoreContext.class)
                    .getBlobStore();
            server = S3Proxy.builder()
                    .blobStore(blobs)
                    .endpoint(URI.create("http://127.0.0.1:0"))
                    .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                    .build();
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy did not start", e);
        }
        URI endpoint = URI.create("http://127.0.0.1:" + server.getPort());
        bucket = S3Client.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(
                        StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
        bucket.createBucket(b -> b.bucket(BUCKET));
        return endpoint;
    }
}
