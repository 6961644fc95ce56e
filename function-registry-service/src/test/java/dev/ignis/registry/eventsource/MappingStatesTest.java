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
    void transitionalStatesSettleOnWhatTheUserAskedFor() {
        for (String state : new String[] {"Creating", "Updating", "Enabling", "Disabling"}) {
            assertThat(MappingStates.settles(state)).as(state).isTrue();
        }
        assertThat(MappingStates.settled(true)).isEqualTo("Enabled");
        assertThat(MappingStates.settled(false)).isEqualTo("Disabled");
        assertThat(MappingStates.settles("Deleting"))
                .as("a delete ends in removal, not a state")
                .isFalse();
        assertThat(MappingStates.isTransitional("Deleting")).isTrue();
        assertThat(MappingStates.isTransitional("Enabled")).isFalse();
    }
}
