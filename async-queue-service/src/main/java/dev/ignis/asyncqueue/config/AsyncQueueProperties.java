package dev.ignis.asyncqueue.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * This service's settings, under {@code ignis.async-queue} (config/async-queue-service.yml). Every
 * delay is here so that tests can run AWS's minutes in milliseconds.
 *
 * @param maxPayloadBytes the largest {@code Event} payload accepted (AWS: 1 MB)
 * @param queueTopic the topic ingest produces to and the workers consume
 * @param retry AWS's retry schedule
 * @param delayTiers the delayed-retry topics, shortest first
 * @param workers how the workers share out their work
 * @param destinations how destinations and dead-letter queues are reached
 */
@Validated
@ConfigurationProperties("ignis.async-queue")
public record AsyncQueueProperties(
        @NotBlank String region,
        @NotBlank String accountId,
        @DefaultValue("1048576") @Positive int maxPayloadBytes,
        @NotBlank String queueTopic,
        @Valid @DefaultValue Retry retry,
        @NotEmpty List<@Valid DelayTier> delayTiers,
        @Valid @DefaultValue Workers workers,
        @Valid @DefaultValue Destinations destinations) {

    /**
     * @param functionErrorDelays the wait before each retry after a function error (AWS: 1, then 2 minutes)
     * @param backoffInitial the first wait after a throttle or platform error (AWS: 1 s)
     * @param backoffMax the longest such wait (AWS: 5 minutes)
     * @param transientGiveUpAfter how long throttles and platform errors are retried (AWS: 6 hours)
     */
    public record Retry(
            @DefaultValue({"1m", "2m"}) List<Duration> functionErrorDelays,
            @DefaultValue("1s") Duration backoffInitial,
            @DefaultValue("5m") Duration backoffMax,
            @DefaultValue("6h") Duration transientGiveUpAfter) {}

    /** One delayed-retry topic: events wait there for about {@code delay} before they go back to the queue. */
    public record DelayTier(@NotBlank String topic, @NotNull Duration delay) {}

    /**
     * @param maxInFlightPerFunction how many events of one function run at once in this replica
     */
    public record Workers(@DefaultValue("16") @Positive int maxInFlightPerFunction) {}

    /**
     * @param sqsEndpoint the SQS API endpoint (ElasticMQ locally); null: the AWS SDK's default for the region
     * @param snsSubscriptions the HTTP endpoints subscribed to SNS topic ARNs
     * @param deliveryAttempts how many times one destination delivery is tried before it is counted as failed
     * @param deliveryBackoff the wait between those tries
     */
    public record Destinations(
            URI sqsEndpoint,
            @DefaultValue List<@Valid SnsSubscription> snsSubscriptions,
            @DefaultValue("3") @Positive int deliveryAttempts,
            @DefaultValue("200ms") Duration deliveryBackoff) {}

    /** An SNS-style HTTP subscription: what is published to {@code topicArn} is POSTed to {@code endpoint}. */
    public record SnsSubscription(@NotBlank String topicArn, @NotNull URI endpoint) {}
}
