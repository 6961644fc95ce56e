package dev.ignis.gateway.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway authenticates Lambda API callers, under {@code ignis.gateway.auth}.
 *
 * @param mode {@code verify} checks every SigV4 signature; {@code accept-any} lets every request
 *     through (a laptop with a tool that cannot sign)
 * @param keys the access keys callers sign with (config/gateway-service.yml ships test/test)
 * @param keyFile a mounted secret read once at start: one {@code access-key-id:secret} per line; when
 *     set, its keys replace {@code keys}, so a cluster never also accepts the local default pair
 * @param maxClockSkew how far X-Amz-Date may be from the gateway's clock, either way (Lambda: 5 minutes)
 */
@Validated
@ConfigurationProperties("ignis.gateway.auth")
public record AuthProperties(
        @NotNull @DefaultValue("verify") Mode mode,
        @Valid @DefaultValue List<AccessKey> keys,
        Path keyFile,
        @NotNull @DefaultValue("5m") Duration maxClockSkew) {

    public enum Mode {
        VERIFY,
        ACCEPT_ANY
    }

    /** One access key pair; {@link #toString()} never prints the secret. */
    public record AccessKey(@NotBlank String accessKeyId, @NotBlank String secretAccessKey) {
        @Override
        public String toString() {
            return "AccessKey[" + accessKeyId + "]";
        }
    }
}
