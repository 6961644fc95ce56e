package dev.ignis.registry.config;

import dev.ignis.registry.code.s3.S3Settings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The registry's settings, under {@code ignis.registry} (see config/function-registry-service.yml).
 *
 * @param accountConcurrency the account's concurrent executions (AWS's default quota is 1,000); at
 *     least 100, the unreserved minimum
 * @param functionUrls how the {@code FunctionUrl} of a URL config is built
 * @param codeDir the local code store's directory
 * @param codeStore which code store keeps packages, and the S3 one's settings
 * @param architectures the instruction sets functions may ask for; empty means the host's own
 */
@Validated
@ConfigurationProperties("ignis.registry")
public record RegistryProperties(
        @NotBlank String region,
        @NotBlank String accountId,
        @NotNull URI gatewayUrl,
        @NotNull Path codeDir,
        @NotEmpty List<String> runtimes,
        @DefaultValue("52428800") @Min(1) long maxZippedCodeBytes,
        @DefaultValue("262144000") @Min(1) long maxUnzippedCodeBytes,
        @Valid @NotNull Encryption encryption,
        @Valid @NotNull Outbox outbox,
        @DefaultValue("1000") @Min(100) int accountConcurrency,
        @Valid @DefaultValue FunctionUrls functionUrls,
        @Valid @DefaultValue CodeStoreSettings codeStore,
        @DefaultValue List<@Pattern(regexp = "x86_64|arm64") String> architectures) {

    /**
     * @param key base64 of a 32-byte AES key; blank to use (or create) {@code keyFile}
     * @param keyFile where the key lives when not given inline, e.g. a mounted secret
     */
    public record Encryption(@DefaultValue("") String key, @NotNull Path keyFile) {}

    /**
     * @param topic the registry-changes topic
     * @param maxPendingAge how old an unpublished change may get before health turns DOWN
     */
    public record Outbox(
            @NotBlank String topic,
            @DefaultValue("200ms") Duration pollInterval,
            @DefaultValue("100") @Min(1) int batchSize,
            @DefaultValue("60s") Duration maxPendingAge,
            @DefaultValue("true") boolean relayEnabled) {}

    /**
     * Where function URLs are reached: {@code <scheme>://<url-id>.lambda-url.<region>.<domain>[:<port>]/}.
     * In a cluster the domain is a wildcard DNS name that reaches the gateway; the default,
     * {@code localhost}, suits one machine. The port is left out when it is the scheme's own.
     */
    public record FunctionUrls(
            @DefaultValue("http") @Pattern(regexp = "https?") String scheme,
            @DefaultValue("localhost") @NotBlank String domain,
            @DefaultValue("8080") @Min(1) @Max(65535) int port) {}

    /**
     * @param type {@code local} (a directory, {@code code-dir}) or {@code s3} (a bucket, {@code s3})
     * @param s3 the bucket, read only when the type is {@code s3}
     */
    public record CodeStoreSettings(@DefaultValue("local") @NotNull Type type, @Valid @DefaultValue S3Settings s3) {

        public enum Type {
            LOCAL,
            S3
        }

        @AssertTrue(message = "s3.bucket is required when the code store's type is s3")
        public boolean isBucketGivenForS3() {
            return type != Type.S3 || !s3.bucket().isBlank();
        }
    }
}
