package dev.ignis.gateway.apidocs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ignis.gateway.api-docs}: how long the gateway waits for each service's OpenAPI document,
 * and how long a merged document is reused before the services are asked again.
 */
@ConfigurationProperties("ignis.gateway.api-docs")
public record ApiDocsProperties(@DefaultValue("5s") Duration timeout, @DefaultValue("30s") Duration cacheFor) {}
