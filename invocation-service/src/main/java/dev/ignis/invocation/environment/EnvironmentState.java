package dev.ignis.invocation.environment;

/** Where an execution environment is in its life. */
sealed interface EnvironmentState {

    /** The runtime process is starting and has not asked for its first event yet. */
    record Starting(long sinceNanos) implements EnvironmentState {}

    /** Initialised and waiting for an event. */
    record Ready(long idleSinceNanos) implements EnvironmentState {}

    /** Running {@code invocation}. */
    record Invoking(Invocation invocation) implements EnvironmentState {}

    /** Shut down or failed; never used again. */
    record Dead(String reason) implements EnvironmentState {}
}
