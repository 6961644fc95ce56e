package dev.ignis.registry.internal;

import dev.ignis.contracts.internal.CodeLinks;
import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.registry.config.RegistryProperties;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * GetFunction's and GetLayerVersion's {@code Code.Location}: a gateway link presigned for
 * {@code ignis.internal.code-link-validity}, as AWS's S3 link is (CodeLinks).
 */
@Component
public class CodeLocations {

    private final RegistryProperties registry;
    private final InternalCredential credential;
    private final InternalCallers.Properties properties;
    private final Clock clock;

    CodeLocations(
            RegistryProperties registry,
            InternalCredential credential,
            InternalCallers.Properties properties,
            Clock clock) {
        this.registry = registry;
        this.credential = credential;
        this.properties = properties;
        this.clock = clock;
    }

    public String of(String sha256Hex) {
        long expires = clock.instant().plus(properties.codeLinkValidity()).getEpochSecond();
        return registry.gatewayUrl()
                .resolve(CodeLinks.presignedPath(credential, sha256Hex, expires))
                .toString();
    }
}
