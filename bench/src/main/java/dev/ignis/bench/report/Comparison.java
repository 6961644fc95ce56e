package dev.ignis.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One load level of the side-by-side: the same no-op handler on Ignis (direct and through the
 * gateway), on the peer, and the floor, measured in the same run. Ratios divide Ignis by the other:
 * for latency below 1 means Ignis is faster, for throughput above 1 means Ignis serves more. Any of
 * the four may be missing (a target that was not run), and then so are its ratios.
 */
public record Comparison(
        String scenario,
        String mode,
        int clients,
        Optional<Row> direct,
        Optional<Row> gateway,
        Optional<Row> peer,
        Optional<Row> floor) {

    /** A figure of a row, by name, for tables and JSON. */
    public enum Figure {
        P50("p50 ms", true),
        P99("p99 ms", true),
        P999("p99.9 ms", true),
        THROUGHPUT("req/s", false);

        private final String label;
        private final boolean latency;

        Figure(String label, boolean latency) {
            this.label = label;
            this.latency = latency;
        }

        public String label() {
            return label;
        }

        public boolean latency() {
            return latency;
        }

        public double of(Row row) {
            return switch (this) {
                case P50 -> row.p50();
                case P99 -> row.p99();
                case P999 -> row.p999();
                case THROUGHPUT -> row.throughput();
            };
        }
    }

    /** {@code ignis ÷ other} for a figure, when both rows exist and the divisor is not zero. */
    public static Optional<Double> ratio(Optional<Row> ignis, Optional<Row> other, Figure figure) {
        if (ignis.isEmpty() || other.isEmpty() || figure.of(other.get()) == 0) {
            return Optional.empty();
        }
        return Optional.of(figure.of(ignis.get()) / figure.of(other.get()));
    }

    /**
     * Groups rows by load level. Ignis rows count when they ran {@code runtime}, the peer's runtime,
     * so the handler compared is the same one.
     */
    public static List<Comparison> of(List<Row> rows, String runtime) {
        Map<String, List<Row>> byLoad = new LinkedHashMap<>();
        for (Row row : rows) {
            boolean comparable = !row.server().isIgnis() || row.subject().equals(runtime);
            if (comparable && row.throughput() > 0) {
                byLoad.computeIfAbsent(row.scenario() + '|' + row.mode() + '|' + row.clients(), k -> new ArrayList<>())
                        .add(row);
            }
        }
        List<Comparison> comparisons = new ArrayList<>();
        for (List<Row> level : byLoad.values()) {
            Row first = level.getFirst();
            Comparison comparison = new Comparison(
                    first.scenario(),
                    first.mode(),
                    first.clients(),
                    find(level, Server.IGNIS_DIRECT),
                    find(level, Server.IGNIS_GATEWAY),
                    find(level, Server.PEER),
                    find(level, Server.FLOOR));
            if (comparison.hasIgnis() && (comparison.peer.isPresent() || comparison.floor.isPresent())) {
                comparisons.add(comparison);
            }
        }
        return comparisons;
    }

    public boolean hasIgnis() {
        return direct.isPresent() || gateway.isPresent();
    }

    public String load() {
        return mode + ", " + clients + (clients == 1 ? " client" : " clients");
    }

    private static Optional<Row> find(List<Row> rows, Server server) {
        return rows.stream().filter(r -> r.server() == server).findFirst();
    }
}
