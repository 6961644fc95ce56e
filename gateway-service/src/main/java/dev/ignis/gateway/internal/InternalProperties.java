package dev.ignis.gateway.internal;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The platform's internal credential, under {@code ignis.internal} (config/application.yml): sent to
 * every backend, and the key of GetFunction's presigned code links.
 *
 * @param credentialFile the secret's file; a mounted Secret in a cluster, created on first start locally
 */
@Validated
@ConfigurationProperties("ignis.internal")
public record InternalProperties(@NotNull Path credentialFile) {}
