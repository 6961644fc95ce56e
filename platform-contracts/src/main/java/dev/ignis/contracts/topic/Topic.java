package dev.ignis.contracts.topic;

/**
 * The Kafka topics services exchange records on, by logical id. The real topic names, partition
 * counts and cleanup policies live in {@code config/application.yml} under
 * {@code ignis.topics.<id>}; code refers to a topic only through this id.
 */
public enum Topic {
    /** Compacted; key = resource ARN, value = the resource's full snapshot, tombstone on delete. */
    REGISTRY_CHANGES("registry-changes"),
    /** Key = function ARN, value = {@code AsyncInvocation}. */
    INVOCATIONS_ASYNC("invocations-async"),
    /** Exhausted or expired async events; key = function ARN. */
    INVOCATIONS_ASYNC_DLQ("invocations-async-dlq"),
    /** Invocation records for Kafka destinations; key = function ARN. */
    DESTINATIONS("destinations"),
    /** Function log lines; key = log group. */
    FUNCTION_LOGS("function-logs");

    private final String id;

    Topic(String id) {
        this.id = id;
    }

    /** The key under {@code ignis.topics} that configures this topic. */
    public String id() {
        return id;
    }
}
