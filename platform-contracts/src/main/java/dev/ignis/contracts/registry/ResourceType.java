package dev.ignis.contracts.registry;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of resource the registry publishes on the registry-changes topic. A resource that
 * has an ARN of its own is keyed by that ARN; a configuration that hangs off a function (URL
 * config, async config, concurrency, policy) is keyed by the function's ARN plus a suffix, so
 * that compaction keeps one record per resource.
 */
public enum ResourceType {
    /** A function's {@code $LATEST} configuration; key = unqualified function ARN. */
    FUNCTION(""),
    /** A published version; key = the version's qualified ARN. */
    FUNCTION_VERSION(""),
    /** An alias; key = the alias's qualified ARN. */
    ALIAS(""),
    /** A layer version; key = its layer version ARN. */
    LAYER_VERSION(""),
    /** An event source mapping; key = its mapping ARN. */
    EVENT_SOURCE_MAPPING(""),
    /** An EventBridge rule (schedules only) with its targets; key = its rule ARN. */
    EVENT_RULE(""),
    /** An EventBridge Scheduler schedule with its target; key = its schedule ARN. */
    SCHEDULE(""),
    FUNCTION_URL_CONFIG("#url"),
    EVENT_INVOKE_CONFIG("#event-invoke-config"),
    CONCURRENCY("#concurrency"),
    PROVISIONED_CONCURRENCY("#provisioned-concurrency"),
    POLICY("#policy");

    private final String keySuffix;

    ResourceType(String keySuffix) {
        this.keySuffix = keySuffix;
    }

    public String keySuffix() {
        return keySuffix;
    }

    /** The record key of a resource of this type that belongs to {@code arn}. */
    public String keyFor(String arn) {
        return arn + keySuffix;
    }

    /** The sub-resource type a key names by its suffix, if any. */
    public static Optional<ResourceType> bySuffixOf(String key) {
        return Arrays.stream(values())
                .filter(t -> !t.keySuffix.isEmpty() && key.endsWith(t.keySuffix))
                .findFirst();
    }
}
