package dev.ignis.registry.code.s3;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the S3 code store keeps packages, under {@code ignis.registry.code-store.s3}.
 *
 * @param endpoint an S3-compatible server (MinIO, Ceph RGW, ...); absent for AWS's own endpoint of
 *     the region
 * @param region the bucket's region; blank for the registry's own ({@code ignis.registry.region})
 * @param bucket an existing bucket; required when the store's type is {@code s3}
 * @param pathStyleAccess {@code <endpoint>/<bucket>/<key>} instead of a bucket host name, which most
 *     S3-compatible servers need
 * @param keyPrefix put before every key, so the bucket can be shared
 * @param accessKeyId with {@code secretAccessKey}, static credentials (e.g. from a Kubernetes
 *     secret through the environment); both blank to use the SDK's default chain (environment,
 *     profile, web identity, instance or container role)
 */
public record S3Settings(
        URI endpoint,
        @DefaultValue("") String region,
        @DefaultValue("") String bucket,
        @DefaultValue("false") boolean pathStyleAccess,
        @DefaultValue("code/") @NotNull String keyPrefix,
        @DefaultValue("") String accessKeyId,
        @DefaultValue("") String secretAccessKey) {

    @AssertTrue(message = "access-key-id and secret-access-key are given together or not at all")
    public boolean isCredentialsPaired() {
        return accessKeyId.isBlank() == secretAccessKey.isBlank();
    }

    boolean hasStaticCredentials() {
        return !accessKeyId.isBlank();
    }
}
