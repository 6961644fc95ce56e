package dev.ignis.bench.driver;

import org.HdrHistogram.Histogram;

/**
 * What one run measured: latencies in microseconds, the requests answered in the measured window,
 * those that failed (a wrong answer, an I/O error, or, in open loop, a request that was due but
 * never sent before the run's hard stop), and the window's length.
 */
public record LoadResult(LoadShape shape, Histogram latencyMicros, long requests, long errors, double seconds) {

    public double throughput() {
        return seconds > 0 ? requests / seconds : 0;
    }

    public double percentileMs(double percentile) {
        return latencyMicros.getTotalCount() == 0 ? 0 : latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    public double maxMs() {
        return latencyMicros.getMaxValue() / 1000.0;
    }
}
