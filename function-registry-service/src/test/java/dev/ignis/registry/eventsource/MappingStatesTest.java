package dev.ignis.registry.eventsource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MappingStatesTest {

    @Test
    void anUpdateThatTurnsTheMappingOnOrOffSaysSo() {
        assertThat(MappingStates.afterUpdate(true, false)).isEqualTo("Disabling");
        assertThat(MappingStates.afterUpdate(false, true)).isEqualTo("Enabling");
        assertThat(MappingStates.afterUpdate(true, true)).isEqualTo("Updating");
        assertThat(MappingStates.afterUpdate(false, false)).isEqualTo("Updating");
    }

    @Test
    void aPollerMayReportOnlyWhatTheUserAskedFor() {
        for (String state : new String[] {"Creating", "Updating", "Enabling", "Enabled"}) {
            assertThat(MappingStates.accepts(state, true, "Enabled")).as(state).isTrue();
            assertThat(MappingStates.accepts(state, true, "Disabled")).as(state).isFalse();
            assertThat(MappingStates.accepts(state, true, "Deleted")).as(state).isFalse();
        }
        assertThat(MappingStates.accepts("Disabling", false, "Disabled")).isTrue();
        assertThat(MappingStates.accepts("Creating", false, "Disabled")).isTrue();
        assertThat(MappingStates.accepts("Disabling", false, "Enabled")).isFalse();
        assertThat(MappingStates.accepts("Deleting", true, "Enabled"))
                .as("a late report never revives a deleted mapping")
                .isFalse();
        assertThat(MappingStates.accepts("Deleting", true, "Deleted")).isTrue();
        assertThat(MappingStates.isReportable("Creating")).isFalse();
    }
}
