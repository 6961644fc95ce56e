package dev.ignis.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.RegistryGenerations;
import dev.ignis.contracts.registry.RegistryGenerations.Verdict;
import org.junit.jupiter.api.Test;

class RegistryGenerationsTest {

    @Test
    void theFirstGenerationAViewSeesIsCurrent() {
        RegistryGenerations generations = new RegistryGenerations();

        assertThat(generations.observe(1_000)).isEqualTo(Verdict.CURRENT);
        assertThat(generations.observe(1_000)).isEqualTo(Verdict.CURRENT);
        assertThat(generations.current()).isEqualTo(1_000);
    }

    @Test
    void aNewerGenerationIsAResetAndTheOldOneIsStaleFromThenOn() {
        RegistryGenerations generations = new RegistryGenerations();
        generations.observe(1_000);

        assertThat(generations.observe(2_000)).isEqualTo(Verdict.RESET);
        assertThat(generations.observe(1_000))
                .as("an old record read late from another partition")
                .isEqualTo(Verdict.STALE);
        assertThat(generations.observe(2_000)).isEqualTo(Verdict.CURRENT);
    }

    @Test
    void recordsFromBeforeGenerationsExistedAreGenerationZero() {
        assertThat(RegistryGenerations.parse(null)).isZero();
        assertThat(RegistryGenerations.parse("")).isZero();
        assertThat(RegistryGenerations.parse("1764810000000")).isEqualTo(1_764_810_000_000L);

        RegistryGenerations generations = new RegistryGenerations();
        generations.observe(0);
        assertThat(generations.observe(1_764_810_000_000L)).isEqualTo(Verdict.RESET);
    }
}
