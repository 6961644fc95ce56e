package dev.ignis.bench.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FanoutTest {

    @Test
    void doesEveryItemAndNamesTheOnesThatFailed() throws Exception {
        Set<Integer> done = ConcurrentHashMap.newKeySet();
        List<Integer> items = IntStream.range(0, 50).boxed().toList();

        List<String> failed = Fanout.forEach(items, 4, Duration.ofSeconds(10), i -> {
            if (i % 10 == 3) {
                throw new IllegalStateException("HTTP 409");
            }
            done.add(i);
        });

        assertThat(done).hasSize(45);
        assertThat(failed).hasSize(5).first().asString().startsWith("3: ").contains("HTTP 409");
    }

    @Test
    void stopsAtTheLimitAndCountsWhatWasNotDoneAsFailed() throws Exception {
        long start = System.nanoTime();

        List<String> failed = Fanout.forEach(List.of(1, 2, 3), 1, Duration.ofMillis(300), i -> Thread.sleep(10_000));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        assertThat(failed).hasSize(3).allSatisfy(f -> assertThat(f).contains("time limit"));
    }
}
