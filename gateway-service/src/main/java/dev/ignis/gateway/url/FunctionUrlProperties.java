package dev.ignis.gateway.url;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Function URLs, under {@code ignis.gateway.function-urls}: the host form
 * {@code <url-id>.lambda-url.<region>.<domain>} and the path form {@code <path-prefix>/<url-id>/…}.
 *
 * @param domain the DNS suffix after the region; {@code localhost} locally, a real domain in a cluster
 * @param region the region label URLs carry, the platform's region
 * @param accountId the owning account, reported to functions invoked with AWS_IAM
 * @param pathPrefix the path form's prefix, for clients that cannot set a Host header
 * @param maxEventBytes the largest event a URL request may become (Lambda's 6 MB invoke limit)
 * @param invokeTimeout how long a URL request waits for its function (Lambda's 15 minutes and change)
 */
@Validated
@ConfigurationProperties("ignis.gateway.function-urls")
public record FunctionUrlProperties(
        @DefaultValue("localhost") @NotBlank String domain,
        @NotBlank String region,
        @NotBlank String accountId,
        @DefaultValue("/lambda-url") @NotBlank String pathPrefix,
        @DefaultValue("6291456") @Positive int maxEventBytes,
        @DefaultValue("905s") Duration invokeTimeout) {}
