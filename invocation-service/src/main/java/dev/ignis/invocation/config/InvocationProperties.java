package dev.ignis.invocation.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The invocation service's settings, under {@code ignis.invocation} (config/invocation-service.yml). */
@Validated
@ConfigurationProperties("ignis.invocation")
public record InvocationProperties(@NotBlank String region, @NotBlank String accountId) {}
