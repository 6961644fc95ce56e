package dev.ignis.gateway.server;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How long the public port waits on a caller, under {@code ignis.gateway.connections}: a slow or
 * silent client (slowloris) holds a connection for at most these times, whatever it sends.
 *
 * @param idleTimeout a kept-alive connection with no request in flight is closed after this
 * @param readTimeout the longest pause between two reads while a request (head or body) arrives
 * @param requestTimeout the longest a whole request may take to arrive, a 70 MB upload included
 */
@Validated
@ConfigurationProperties("ignis.gateway.connections")
public record ConnectionProperties(
        @NotNull @DefaultValue("60s") Duration idleTimeout,
        @NotNull @DefaultValue("20s") Duration readTimeout,
        @NotNull @DefaultValue("5m") Duration requestTimeout) {}
