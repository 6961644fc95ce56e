package dev.ignis.gateway.apidocs;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code ignis.gateway.api-docs}: the services whose OpenAPI documents are merged (name to base URL,
 * in merge order), how long the gateway waits for each, and how long a merged document is reused
 * before the services are asked again.
 */
@ConfigurationProperties("ignis.gateway.api-docs")
public record ApiDocsProperties(
        @DefaultValue Map<String, URI> sources,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("30s") Duration cacheFor) {}
