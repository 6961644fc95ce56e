package dev.ignis.invocation.runtime;

import jakarta.validation.constraints.NotBlank;

/**
 * Where the interpreters of the managed runtimes are, under {@code ignis.invocation.runtimes}.
 *
 * @param python the Python 3 interpreter for every {@code python3.x} runtime
 * @param node the Node.js binary for every {@code nodejs*.x} runtime (a name is looked up on PATH)
 * @param javaHome the JDK for {@code java17} and {@code java21}; empty = the service's own JDK
 */
public record RuntimeSettings(@NotBlank String python, @NotBlank String node, String javaHome) {}
