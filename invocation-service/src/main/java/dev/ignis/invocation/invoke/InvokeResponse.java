package dev.ignis.invocation.invoke;

/**
 * What the Invoke API answers: the status (200, or 204 for DryRun), the body, and the values of
 * {@code X-Amz-Executed-Version}, {@code X-Amz-Function-Error} and {@code X-Amz-Log-Result}.
 */
public record InvokeResponse(
        int status, byte[] body, String requestId, String executedVersion, String functionError, String logResult) {}
