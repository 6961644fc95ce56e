package dev.ignis.asyncqueue.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.asyncqueue.config.AsyncQueueProperties.DelayTier;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DelayTiersTest {

    final DelayTiers tiers = new DelayTiers(List.of(
            new DelayTier("retry-1m", Duration.ofMinutes(1)),
            new DelayTier("retry-1s", Duration.ofSeconds(1)),
            new DelayTier("retry-5m", Duration.ofMinutes(5))));

    @Test
    void aWaitGoesToTheLongestTierNotLongerThanIt() {
        assertThat(tiers.topicFor(Duration.ofMillis(200))).isEqualTo("retry-1s");
        assertThat(tiers.topicFor(Duration.ofSeconds(1))).isEqualTo("retry-1s");
        assertThat(tiers.topicFor(Duration.ofSeconds(59))).isEqualTo("retry-1s");
        assertThat(tiers.topicFor(Duration.ofMinutes(2))).isEqualTo("retry-1m");
        assertThat(tiers.topicFor(Duration.ofHours(1))).isEqualTo("retry-5m");
        assertThat(tiers.topics()).containsExactly("retry-1s", "retry-1m", "retry-5m");
    }
}
