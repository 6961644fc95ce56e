package dev.ignis.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthExemptionsTest {

    @Test
    void operationsDocsCodeDownloadsAndFunctionUrlPathsAreOpen() {
        assertThat(AuthExemptions.isExemptPath("/actuator")).isTrue();
        assertThat(AuthExemptions.isExemptPath("/actuator/prometheus")).isTrue();
        assertThat(AuthExemptions.isExemptPath("/v3/api-docs")).isTrue();
        assertThat(AuthExemptions.isExemptPath("/swagger-ui.html")).isTrue();
        assertThat(AuthExemptions.isExemptPath("/ignis/v1/code/abc")).isTrue();
        assertThat(AuthExemptions.isExemptPath("/lambda-url/abc123/any/path")).isTrue();
    }

    @Test
    void theLambdaApiIsNot() {
        assertThat(AuthExemptions.isExemptPath("/2015-03-31/functions/")).isFalse();
        assertThat(AuthExemptions.isExemptPath("/actuatorx")).isFalse();
        assertThat(AuthExemptions.isExemptPath("/")).isFalse();
    }

    @Test
    void recognisesAFunctionUrlHostByItsSecondLabel() {
        assertThat(AuthExemptions.isFunctionUrlHost("abc.lambda-url.us-east-1.localhost:8080"))
                .isTrue();
        assertThat(AuthExemptions.isFunctionUrlHost("abc.lambda-url.eu-west-1.on.aws"))
                .isTrue();
        assertThat(AuthExemptions.isFunctionUrlHost("localhost:8080")).isFalse();
        assertThat(AuthExemptions.isFunctionUrlHost("x.y.lambda-url.us-east-1.on.aws"))
                .isFalse();
        assertThat(AuthExemptions.isFunctionUrlHost(".lambda-url.us-east-1.on.aws"))
                .isFalse();
        assertThat(AuthExemptions.isFunctionUrlHost(null)).isFalse();
    }
}
