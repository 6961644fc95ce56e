package dev.ignis.gateway.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's backends, under {@code ignis.gateway} (config/gateway-service.yml). The routes in
 * that file point at these same keys; binding them here fails start-up on a missing or malformed
 * URL instead of at the first request.
 */
@Validated
@ConfigurationProperties("ignis.gateway")
public record GatewayProperties(@NotNull URI registryUrl, @NotNull URI invocationUrl, @NotNull URI asyncQueueUrl) {}
