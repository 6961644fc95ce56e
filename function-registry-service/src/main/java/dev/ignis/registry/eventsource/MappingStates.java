package dev.ignis.registry.eventsource;

import java.util.Set;

/**
 * The lifecycle of a mapping as Lambda reports it: a change answers with a transitional state
 * ({@code Creating}, {@code Updating}, {@code Enabling}, {@code Disabling}, {@code Deleting}) that
 * the {@link StateSettler} later moves to {@code Enabled} or {@code Disabled} — or, for
 * {@code Deleting}, removes. Pure functions, no time and no storage.
 */
final class MappingStates {

    static final String CREATING = "Creating";
    static final String ENABLING = "Enabling";
    static final String ENABLED = "Enabled";
    static final String DISABLING = "Disabling";
    static final String DISABLED = "Disabled";
    static final String UPDATING = "Updating";
    static final String DELETING = "Deleting";
    static final String USER_INITIATED = "USER_INITIATED";

    private static final Set<String> SETTLING = Set.of(CREATING, ENABLING, DISABLING, UPDATING);

    private MappingStates() {}

    /** An update that turns the mapping on or off says so; any other says {@code Updating}. */
    static String afterUpdate(boolean wasEnabled, boolean enabled) {
        if (wasEnabled == enabled) {
            return UPDATING;
        }
        return enabled ? ENABLING : DISABLING;
    }

    /** Whether the settler moves this state on to {@link #settled}. */
    static boolean settles(String state) {
        return SETTLING.contains(state);
    }

    static String settled(boolean enabled) {
        return enabled ? ENABLED : DISABLED;
    }

    static boolean isTransitional(String state) {
        return settles(state) || DELETING.equals(state);
    }
}
