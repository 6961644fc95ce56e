package dev.ignis.invocation.sandbox;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Host directories one environment is made of: the unpacked code, the merged layers (if any),
 * the runtime's bootstrap files and a private scratch directory.
 */
public record EnvironmentDirs(Path taskRoot, Optional<Path> layers, Path runtimeDir, Path scratch) {}
