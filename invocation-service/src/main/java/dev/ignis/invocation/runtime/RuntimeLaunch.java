package dev.ignis.invocation.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * How to start one managed runtime: its argv (in the function's view of paths), the environment
 * variables it adds to Lambda's, and host paths it needs to see read-only (an interpreter's home).
 */
public record RuntimeLaunch(List<String> command, Map<String, String> environment, List<Path> readOnlyPaths) {}
