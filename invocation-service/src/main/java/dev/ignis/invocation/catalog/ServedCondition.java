package dev.ignis.invocation.catalog;

/**
 * A condition beyond "the change is applied to the view" that must hold before this replica
 * reports that it serves a resource: provisioned concurrency is served once its environments are
 * initialised, not when its configuration arrives. Conditions are asked only about keys whose
 * newest change is applied.
 */
public interface ServedCondition {

    /** Whether this condition concerns the resource recorded under {@code key}. */
    boolean concerns(String key);

    /** Whether this replica serves the applied state of {@code key}. */
    boolean serves(String key);
}
