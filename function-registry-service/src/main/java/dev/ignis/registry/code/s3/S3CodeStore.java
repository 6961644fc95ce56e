package dev.ignis.registry.code.s3;

import dev.ignis.registry.code.CodeStore;
import dev.ignis.registry.code.Sha256;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A {@link CodeStore} on an S3 bucket (AWS or any S3-compatible server), one object per package
 * under {@code <key-prefix><sha256-hex>.zip}.
 *
 * <p>A PUT on S3 makes an object visible complete or not at all, which is the atomicity the
 * contract asks for. Deduplication asks the bucket first (HEAD) and uploads only what is missing;
 * two registries racing on the same new package both upload the same bytes, which is harmless.
 * Every upload carries its Content-MD5 so the server refuses bytes damaged on the way (the newer
 * {@code x-amz-checksum-sha256} is not understood by every S3-compatible server; S3Proxy answers
 * it 501). Failures of the
 * bucket are not caught here: they reach the API as a {@code ServiceException}, and as packages are
 * stored before any transaction, nothing is half-written.
 */
public final class S3CodeStore implements CodeStore, AutoCloseable {

    private final S3Client s3;
    private final String bucket;
    private final String keyPrefix;

    S3CodeStore(S3Client s3, String bucket, String keyPrefix) {
        this.s3 = s3;
        this.bucket = bucket;
        this.keyPrefix = keyPrefix;
    }

    /**
     * A store on the configured bucket, checked at once so that a wrong bucket, endpoint or key
     * stops the registry at start rather than at the first upload.
     *
     * @param defaultRegion the region when the settings name none
     */
    public static S3CodeStore connect(S3Settings settings, String defaultRegion) {
        S3Client client = client(settings, defaultRegion);
        try {
            client.headBucket(b -> b.bucket(settings.bucket()));
        } catch (RuntimeException e) {
            client.close();
            throw new IllegalStateException("The code store's bucket " + settings.bucket() + " cannot be reached", e);
        }
        return new S3CodeStore(client, settings.bucket(), settings.keyPrefix());
    }

    @Override
    public String put(byte[] bytes) {
        String hash = Sha256.hex(bytes);
        String key = keyOf(hash);
        if (!exists(key)) {
            s3.putObject(
                    b -> b.bucket(bucket)
                            .key(key)
                            .contentType("application/zip")
                            .contentMD5(md5Base64(bytes)),
                    RequestBody.fromBytes(bytes));
        }
        return hash;
    }

    @Override
    public Optional<InputStream> open(String sha256Hex) {
        if (!Sha256.isHex(sha256Hex)) {
            return Optional.empty();
        }
        try {
            return Optional.of(s3.getObject(b -> b.bucket(bucket).key(keyOf(sha256Hex))));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
    }

    /** True when the blob was there; S3's DELETE does not say, so a HEAD asks first. */
    @Override
    public boolean delete(String sha256Hex) {
        if (!Sha256.isHex(sha256Hex) || !exists(keyOf(sha256Hex))) {
            return false;
        }
        s3.deleteObject(b -> b.bucket(bucket).key(keyOf(sha256Hex)));
        return true;
    }

    @Override
    public void close() {
        s3.close();
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            // A HEAD has no body, so some servers' 404 arrives without the NoSuchKey code.
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private String keyOf(String hash) {
        return keyPrefix + hash + ".zip";
    }

    private static S3Client client(S3Settings settings, String defaultRegion) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region().isBlank() ? defaultRegion : settings.region()))
                .forcePathStyle(settings.pathStyleAccess())
                .credentialsProvider(credentials(settings))
                // The SDK's default CRC32 trailers are not understood by every S3-compatible server;
                // each upload carries its Content-MD5 instead (see put).
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private static String md5Base64(byte[] bytes) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every JDK", e);
        }
    }

    private static AwsCredentialsProvider credentials(S3Settings settings) {
        return settings.hasStaticCredentials()
                ? StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey()))
                : DefaultCredentialsProvider.builder().build();
    }
}
