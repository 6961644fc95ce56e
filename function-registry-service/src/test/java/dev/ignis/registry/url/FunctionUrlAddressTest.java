package dev.ignis.registry.url;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.registry.config.RegistryProperties.FunctionUrls;
import org.junit.jupiter.api.Test;

class FunctionUrlAddressTest {

    private static final String ID = "abcdefghijklmnopqrstuvwxyz012345";

    @Test
    void laysTheUrlOutAsAwsDoesOnTheConfiguredDomainAndPort() {
        assertThat(FunctionUrlAddress.of(new FunctionUrls("http", "localhost", 8080), "us-east-1", ID))
                .isEqualTo("http://" + ID + ".lambda-url.us-east-1.localhost:8080/");
    }

    @Test
    void leavesOutThePortWhenItIsTheSchemesOwn() {
        assertThat(FunctionUrlAddress.of(new FunctionUrls("https", "fn.example.com", 443), "eu-west-1", ID))
                .isEqualTo("https://" + ID + ".lambda-url.eu-west-1.fn.example.com/");
        assertThat(FunctionUrlAddress.of(new FunctionUrls("http", "fn.internal", 80), "eu-west-1", ID))
                .isEqualTo("http://" + ID + ".lambda-url.eu-west-1.fn.internal/");
        assertThat(FunctionUrlAddress.of(new FunctionUrls("https", "fn.internal", 8443), "eu-west-1", ID))
                .endsWith(".fn.internal:8443/");
    }

    @Test
    void urlIdsAreThirtyTwoLowerCaseAlphanumericsAndDiffer() {
        String first = UrlIds.next();
        assertThat(first).matches("[a-z0-9]{32}");
        assertThat(UrlIds.next()).isNotEqualTo(first);
    }
}
