package dev.ignis.bench.functions;

import java.util.Arrays;
import java.util.Map;

/**
 * The runtimes under test, each with the smallest no-op function it runs: it answers {@code {}}
 * without looking at the event. The label is what {@code --runtimes} takes.
 */
public enum NoOpRuntime {
    PYTHON("python", "python3.12", "noop.handler", 128),
    NODE("node", "nodejs20.x", "index.handler", 128),
    JAVA("java", "java21", "dev.ignis.bench.handlers.NoOp::handleRequest", 512),
    PROVIDED("provided", "provided.al2023", "unused.handler", 128);

    private final String label;
    private final String runtime;
    private final String handler;
    private final int memoryMb;

    NoOpRuntime(String label, String runtime, String handler, int memoryMb) {
        this.label = label;
        this.runtime = runtime;
        this.handler = handler;
        this.memoryMb = memoryMb;
    }

    public static NoOpRuntime of(String label) {
        return Arrays.stream(values())
                .filter(r -> r.label.equals(label))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "No bench runtime '" + label + "'; known: python, node, java, provided"));
    }

    public String label() {
        return label;
    }

    /** The AWS runtime identifier. */
    public String runtime() {
        return runtime;
    }

    public String handler() {
        return handler;
    }

    public int memoryMb() {
        return memoryMb;
    }

    public byte[] zip() {
        return Packages.zip(
                switch (this) {
                    case PYTHON -> Map.of("noop.py", Packages.File.regular(Packages.resource("/functions/noop.py")));
                    case NODE -> Map.of("index.mjs", Packages.File.regular(Packages.resource("/functions/index.mjs")));
                    case JAVA ->
                        Map.of(
                                "dev/ignis/bench/handlers/NoOp.class",
                                Packages.File.regular(Packages.resource("/dev/ignis/bench/handlers/NoOp.class")));
                    case PROVIDED ->
                        Map.of(
                                "bootstrap",
                                Packages.File.executable(Packages.resource("/functions/provided-bootstrap")));
                });
    }
}
