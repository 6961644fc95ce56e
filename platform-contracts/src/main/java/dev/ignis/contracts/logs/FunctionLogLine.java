package dev.ignis.contracts.logs;

import java.time.Instant;

/**
 * One line a function (or the platform on its behalf: START, END, REPORT) wrote, as published on
 * the function-logs topic keyed by {@code logGroup}.
 *
 * @param requestId the invocation the line belongs to, or null for init output
 */
public record FunctionLogLine(
        String logGroup,
        String logStream,
        String functionArn,
        String version,
        String requestId,
        Instant timestamp,
        String message) {}
