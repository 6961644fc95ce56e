package dev.ignis.gateway.catalog;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gateway's registry view, under {@code ignis.gateway.registry-view}.
 *
 * @param maxWriteWait how long a URL-config or policy write's answer waits for this gateway's view
 *     (as long as the registry waits for invocation-service)
 */
@ConfigurationProperties("ignis.gateway.registry-view")
public record CatalogProperties(@DefaultValue("10s") Duration maxWriteWait) {}
