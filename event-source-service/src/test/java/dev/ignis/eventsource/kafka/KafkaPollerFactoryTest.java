package dev.ignis.eventsource.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The error handling controls a Kafka poller reads from its mapping's snapshot. */
class KafkaPollerFactoryTest {

    static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:failed";

    @Test
    void unsetControlsAreLambdasDefaults() {
        var handling = KafkaPollerFactory.errorHandling(mapping(null, null, null, null));
        assertThat(handling).isEqualTo(KafkaSource.ErrorHandling.RETRY_FOREVER);
        assertThat(handling.mayRetry(1_000_000)).isTrue();
    }

    @Test
    void infiniteRetriesWithAnOnFailureDestinationAreAtMostTen() {
        var handling = KafkaPollerFactory.errorHandling(mapping(QUEUE, -1, null, null));
        assertThat(handling.maximumRetryAttempts()).isEqualTo(10);
        assertThat(handling.mayRetry(9)).isTrue();
        assertThat(handling.mayRetry(10)).isFalse();
        assertThat(KafkaPollerFactory.errorHandling(mapping("kafka://failed", null, null, null))
                        .maximumRetryAttempts())
                .isEqualTo(10);
    }

    @Test
    void givenControlsAreKeptAndTheAgeIsInMilliseconds() {
        var handling = KafkaPollerFactory.errorHandling(mapping(QUEUE, 3, 60, true));
        assertThat(handling).isEqualTo(new KafkaSource.ErrorHandling(3, 60_000, true));
        assertThat(KafkaPollerFactory.errorHandling(mapping(null, 0, -1, false)))
                .isEqualTo(new KafkaSource.ErrorHandling(0, -1, false));
    }

    private static EventSourceMappingSnapshot mapping(String onFailure, Integer retries, Integer age, Boolean bisect) {
        return Mappings.withErrorHandling(
                Mappings.kafka("localhost:9092", "orders", null, 10, 0, List.of()), onFailure, retries, age, bisect);
    }
}
