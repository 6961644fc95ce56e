package dev.ignis.invocation.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecentMissesTest {

    static final String KEY = "arn:aws:lambda:us-east-1:000000000000:function:nobody:$LATEST";

    @Test
    void anUnknownFunctionIsRememberedForItsTtlOnly() {
        MutableClock clock = new MutableClock();
        RecentMisses misses = new RecentMisses(Duration.ofSeconds(2), clock);

        misses.add(KEY);
        assertThat(misses.contains(KEY)).isTrue();
        assertThat(misses.contains(KEY + "x")).isFalse();

        clock.now = clock.now.plusSeconds(3);
        assertThat(misses.contains(KEY))
                .as("asked of the registry again after the TTL")
                .isFalse();
    }

    @Test
    void aZeroTtlRemembersNothing() {
        RecentMisses misses = new RecentMisses(Duration.ZERO, new MutableClock());

        misses.add(KEY);

        assertThat(misses.contains(KEY)).isFalse();
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-12-04T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
