package dev.ignis.invocation.sandbox;

/**
 * Paths as the function sees them: {@code /var/task}, {@code /opt}, {@code /var/runtime} and
 * {@code /tmp} inside a sandbox, the host directories themselves in a plain process.
 */
public record SandboxPaths(String taskRoot, String opt, String runtimeDir, String tmp) {}
