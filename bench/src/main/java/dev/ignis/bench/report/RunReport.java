package dev.ignis.bench.report;

import java.time.LocalDateTime;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Everything one run produced: its rows, the side-by-side comparisons, the scenarios it skipped
 * and why, free-form notes (heap after density, many ÷ one), and the machine's state around it —
 * cores and load average before and after — so a figure from a busy machine is seen as such.
 */
public record RunReport(
        String scenario,
        LocalDateTime started,
        int cores,
        String loadBefore,
        String loadAfter,
        OptionalDouble signMicros,
        List<Row> rows,
        List<Comparison> comparisons,
        List<Skip> skipped,
        List<String> notes) {

    /** A scenario that could not run here, and why (a feature not there yet, a peer that failed). */
    public record Skip(String scenario, String reason) {}

    public RunReport {
        rows = List.copyOf(rows);
        comparisons = List.copyOf(comparisons);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }
}
