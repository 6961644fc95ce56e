package dev.ignis.registry.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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
        @DefaultValue("1000") @Min(100) int accountConcurrency) {

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
}
