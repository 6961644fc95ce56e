package dev.ignis.contracts.error;

/** The {@code Reason} of a 429 {@code TooManyRequestsException}, as AWS spells it. */
public enum ThrottleReason {
    ConcurrentInvocationLimitExceeded,
    FunctionInvocationRateLimitExceeded,
    ReservedFunctionConcurrentInvocationLimitExceeded,
    ReservedFunctionInvocationRateLimitExceeded,
    CallerRateLimitExceeded
}
