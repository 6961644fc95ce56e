package dev.ignis.asyncqueue.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** This service's settings, under {@code ignis.async-queue} (config/async-queue-service.yml). */
@Validated
@ConfigurationProperties("ignis.async-queue")
public record AsyncQueueProperties(@NotBlank String region, @NotBlank String accountId) {}
