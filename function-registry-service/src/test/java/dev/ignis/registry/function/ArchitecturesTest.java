package dev.ignis.registry.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.registry.api.LambdaApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArchitecturesTest {

    @Test
    void namesTheHostAsLambdaDoes() {
        assertThat(Architectures.host("amd64")).isEqualTo("x86_64");
        assertThat(Architectures.host("x86_64")).isEqualTo("x86_64");
        assertThat(Architectures.host("aarch64")).isEqualTo("arm64");
    }

    @Test
    void defaultsToX86AndRefusesWhatTheHostsDoNotRun() {
        Architectures x86Only = new Architectures(List.of("x86_64"), "us-east-1");

        assertThat(x86Only.choose(null)).isEqualTo("x86_64");
        assertThat(x86Only.choose(List.of("x86_64"))).isEqualTo("x86_64");
        assertThatThrownBy(() -> x86Only.choose(List.of("arm64")))
                .isInstanceOfSatisfying(LambdaApiException.class, e -> assertThat(e.type())
                        .isEqualTo(LambdaErrorType.INVALID_PARAMETER_VALUE))
                .hasMessage("Architecture arm64 is not supported in us-east-1. Supported architectures: [x86_64].");
    }

    @Test
    void aWiderConfigurationServesArm64() {
        assertThat(new Architectures(List.of("x86_64", "arm64"), "us-east-1").choose(List.of("arm64")))
                .isEqualTo("arm64");
    }

    @Test
    void withNothingConfiguredServesTheJvmsHost() {
        String host = Architectures.host(System.getProperty("os.arch"));

        assertThat(new Architectures(List.of(), "us-east-1").choose(List.of(host)))
                .isEqualTo(host);
    }
}
