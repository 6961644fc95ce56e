package dev.ignis.contracts.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FunctionCredentialRuleTest {

    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
    private static final Instant NOW = Instant.parse("2026-12-04T02:00:00Z");

    private final FunctionCredentialRule rule = new FunctionCredentialRule(KEY);

    @Test
    void issuedCredentialsAreAcceptedForTheirAccountUntilTheyExpire() {
        SessionCredentials issued = rule.issue("000000000000", "fan-out", NOW.plusSeconds(3600), 7);
        assertThat(issued.accessKeyId()).startsWith("ASIA000000000000").hasSize(4 + 12 + 10 + 8);
        assertThat(rule.accept(issued.accessKeyId(), NOW)).hasValueSatisfying(accepted -> {
            assertThat(accepted.accountId()).isEqualTo("000000000000");
            assertThat(accepted.secretAccessKey()).isEqualTo(issued.secretAccessKey());
        });
        assertThat(rule.accept(issued.accessKeyId(), NOW.plusSeconds(3600))).isEmpty();
    }

    @Test
    void anotherKeyOrAnEditedIdYieldsAnotherSecret() {
        SessionCredentials issued = rule.issue("000000000000", "fan-out", NOW.plusSeconds(3600), 7);
        FunctionCredentialRule other = new FunctionCredentialRule("another key, thirty-two bytes ok".getBytes());
        assertThat(other.accept(issued.accessKeyId(), NOW).orElseThrow().secretAccessKey())
                .isNotEqualTo(issued.secretAccessKey());
        String later = issued.accessKeyId()
                .replace(
                        Long.toString(NOW.plusSeconds(3600).getEpochSecond()),
                        Long.toString(NOW.plusSeconds(999_999).getEpochSecond()));
        assertThat(rule.accept(later, NOW).orElseThrow().secretAccessKey()).isNotEqualTo(issued.secretAccessKey());
    }

    @Test
    void staticKeysAreNotThisRules() {
        assertThat(rule.accept("test", NOW)).isEmpty();
        assertThat(rule.accept("AKIAIOSFODNN7EXAMPLE", NOW)).isEmpty();
    }
}
