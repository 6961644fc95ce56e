package dev.ignis.eventsource.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** This service's settings, under {@code ignis.event-source} (config/event-source-service.yml). */
@Validated
@ConfigurationProperties("ignis.event-source")
public record EventSourceProperties(@NotBlank String region, @NotBlank String accountId) {}
