package dev.ignis.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthExemptionsTest {

    @Test
    void onlyHealthIsOpen() {
        assertThat(AuthExemptions.isExemptPath("/actuator/health")).isTrue();
        assertThat(AuthExemptions.isExemptPath("/actuator/health/liveness")).isTrue();
        assertThat(AuthExemptions.isExemptPath("/livez")).isTrue();
        assertThat(AuthExemptions.isExemptPath("/readyz")).isTrue();
    }

    @Test
    void everythingElseIsTheLambdaApi() {
        assertThat(AuthExemptions.isExemptPath("/actuator")).isFalse();
        assertThat(AuthExemptions.isExemptPath("/actuator/prometheus")).isFalse();
        assertThat(AuthExemptions.isExemptPath("/actuator/healthx")).isFalse();
        assertThat(AuthExemptions.isExemptPath("/v3/api-docs")).isFalse();
        assertThat(AuthExemptions.isExemptPath("/lambda-url/abc123/any/path"))
                .as("function URL requests are recognised and served before authentication, not exempted by it")
                .isFalse();
        assertThat(AuthExemptions.isExemptPath("/2015-03-31/functions/")).isFalse();
        assertThat(AuthExemptions.isExemptPath("/")).isFalse();
    }
}
