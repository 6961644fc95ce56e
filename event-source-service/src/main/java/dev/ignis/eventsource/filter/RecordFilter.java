package dev.ignis.eventsource.filter;

import java.util.List;
import software.amazon.event.ruler.Machine;

/**
 * A mapping's {@code FilterCriteria}: a record goes to the function when any pattern matches it,
 * or always when there are none. Patterns are the EventBridge pattern language, matched by AWS's
 * own implementation of it (event-ruler). Thread-safe once built.
 */
public final class RecordFilter {

    private static final RecordFilter NONE = new RecordFilter(null);

    private final Machine machine;

    private RecordFilter(Machine machine) {
        this.machine = machine;
    }

    /**
     * @throws IllegalArgumentException when a pattern is not valid (the registry refuses those first)
     */
    public static RecordFilter of(List<String> patterns) {
        if (patterns.isEmpty()) {
            return NONE;
        }
        Machine machine = new Machine();
        for (int i = 0; i < patterns.size(); i++) {
            try {
                machine.addRule("filter-" + i, patterns.get(i));
            } catch (Exception e) {
                throw new IllegalArgumentException("Invalid filter pattern definition.", e);
            }
        }
        return new RecordFilter(machine);
    }

    /** Whether records need to be shown to {@link #matches} at all. */
    public boolean isPassAll() {
        return machine == null;
    }

    /** @param recordJson the record as the patterns see it, a JSON object */
    public boolean matches(String recordJson) {
        if (machine == null) {
            return true;
        }
        try {
            return !machine.rulesForJSONEvent(recordJson).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }
}
