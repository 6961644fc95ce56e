package dev.ignis.bench.driver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.bench.floor.EchoServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two loops against the floor, with one deliberate 400 ms stall in the measured window: the
 * closed loop sees it once, the open loop charges it to every request that was due meanwhile.
 * The margins are an order of magnitude wide: they check the accounting, not the machine.
 */
class LoadDriverTest {

    private static final byte[] BODY = "{\"x\":1}".getBytes(StandardCharsets.UTF_8);
    private static final long STALL_MS = 400;

    private EchoServer echo;
    private LoadDriver driver;

    @BeforeEach
    void start() throws Exception {
        echo = EchoServer.start();
        driver = new LoadDriver(echo.host(), echo.port());
    }

    @AfterEach
    void stop() throws Exception {
        echo.close();
    }

    @Test
    void openLoop_chargesAStallToEveryRequestDueDuringIt() throws Exception {
        LoadResult result =
                driver.run(new LoadShape.Open(1, 100), Duration.ofMillis(200), Duration.ofMillis(1500), stallingOnce());

        // 400 ms at 100/s: some 40 requests were due during the stall, all waited for it
        assertThat(result.latencyMicros().getCountBetweenValues(100_000, Long.MAX_VALUE))
                .isGreaterThanOrEqualTo(20);
        assertThat(result.maxMs()).isGreaterThanOrEqualTo(STALL_MS);
        assertThat(result.requests()).isBetween(120L, 160L);
        assertThat(result.errors()).isZero();
    }

    @Test
    void closedLoop_seesAStallOnlyOnce() throws Exception {
        LoadResult result =
                driver.run(new LoadShape.Closed(1), Duration.ofMillis(200), Duration.ofMillis(1500), stallingOnce());

        assertThat(result.latencyMicros().getCountBetweenValues(100_000, Long.MAX_VALUE))
                .isLessThanOrEqualTo(2);
        assertThat(result.maxMs()).isGreaterThanOrEqualTo(STALL_MS);
        assertThat(result.requests()).isGreaterThan(100);
    }

    @Test
    void answersThatAreNotExpectedCountAsErrors() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        LoadResult result = driver.run(new LoadShape.Closed(2), Duration.ZERO, Duration.ofMillis(300), client -> {
            client.post("/", "", BODY);
            return calls.incrementAndGet() % 2 == 0;
        });

        assertThat(result.errors()).isPositive().isLessThan(result.requests());
    }

    @Test
    void echoServerAnswersTheBodyOnOneKeepAliveConnection() throws Exception {
        try (RawHttpClient client = new RawHttpClient(echo.host(), echo.port())) {
            for (int i = 0; i < 3; i++) {
                RawHttpClient.Response response = client.post("/any", "", BODY);
                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body()).isEqualTo(BODY);
                assertThat(response.hasHeader("content-length")).isTrue();
                assertThat(response.hasHeader("X-Amz-Function-Error")).isFalse();
            }
        }
    }

    /** Echoes, and stalls once, on the first call half a second in (well past the warm-up). */
    private static Call stallingOnce() {
        long at = System.nanoTime() + Duration.ofMillis(500).toNanos();
        AtomicBoolean stalled = new AtomicBoolean();
        return client -> {
            if (System.nanoTime() > at && stalled.compareAndSet(false, true)) {
                Thread.sleep(STALL_MS);
            }
            return client.post("/", "", BODY).status() == 200;
        };
    }
}
