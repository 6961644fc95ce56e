package dev.ignis.registry.eventsource;

/**
 * The lifecycle of a mapping as Lambda reports it. A user's change answers with a transitional
 * state ({@code Creating}, {@code Updating}, {@code Enabling}, {@code Disabling}, {@code Deleting});
 * only event-source-service's pollers move it on, by reporting what they reached: {@code Enabled}
 * once they read the source, {@code Disabled} once they stopped, {@code Deleted} once a deleted
 * mapping's pollers stopped (the registry then removes it). Pure functions, no time and no storage.
 */
final class MappingStates {

    static final String CREATING = "Creating";
    static final String ENABLING = "Enabling";
    static final String ENABLED = "Enabled";
    static final String DISABLING = "Disabling";
    static final String DISABLED = "Disabled";
    static final String UPDATING = "Updating";
    static final String DELETING = "Deleting";
    /** Reported, never shown: the mapping is gone. */
    static final String DELETED = "Deleted";

    static final String USER_INITIATED = "USER_INITIATED";

    private MappingStates() {}

    /** An update that turns the mapping on or off says so; any other says {@code Updating}. */
    static String afterUpdate(boolean wasEnabled, boolean enabled) {
        if (wasEnabled == enabled) {
            return UPDATING;
        }
        return enabled ? ENABLING : DISABLING;
    }

    /** Whether a poller may report {@code reported} of a mapping in {@code state} that the user wants {@code enabled}. */
    static boolean accepts(String state, boolean enabled, String reported) {
        return switch (reported) {
            case ENABLED -> enabled && !DELETING.equals(state);
            case DISABLED -> !enabled && !DELETING.equals(state);
            case DELETED -> DELETING.equals(state);
            default -> false;
        };
    }

    /** The states a poller may report. */
    static boolean isReportable(String reported) {
        return reported.equals(ENABLED) || reported.equals(DISABLED) || reported.equals(DELETED);
    }
}
