package dev.ignis.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.internal.InternalCredential;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InternalCredentialTest {

    @TempDir
    Path dir;

    @Test
    void onlyHealthIsOpenWithoutTheCredential() {
        InternalCredential credential = InternalCredential.of("s3cret");

        assertThat(credential.admits("/readyz", null)).isTrue();
        assertThat(credential.admits("/actuator/health/readiness", null)).isTrue();
        assertThat(credential.admits("/2015-03-31/functions/", null)).isFalse();
        assertThat(credential.admits("/ignis/v1/code/ab", "wrong")).isFalse();
        assertThat(credential.admits("/actuator/prometheus", null)).isFalse();
        assertThat(credential.admits("/2015-03-31/functions/", "s3cret")).isTrue();
    }

    @Test
    void theFirstServiceCreatesTheCredentialAndTheOthersReadTheSame() throws Exception {
        Path file = dir.resolve("secrets/internal.key");

        InternalCredential first = InternalCredential.loadOrCreate(file);
        InternalCredential second = InternalCredential.loadOrCreate(file);

        assertThat(first.headerValue()).hasSize(64).isEqualTo(second.headerValue());
        assertThat(Files.getPosixFilePermissions(file).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
        assertThat(first.toString()).doesNotContain(first.headerValue());
    }

    @Test
    void aScraperMayPresentTheCredentialAsABearerToken() {
        InternalCredential credential = InternalCredential.of("s3cret");

        assertThat(credential.admits("/actuator/prometheus", InternalCredential.presented(null, "Bearer s3cret")))
                .isTrue();
        assertThat(credential.admits("/actuator/prometheus", InternalCredential.presented(null, "bearer s3cret")))
                .isTrue();
        assertThat(credential.admits("/actuator/prometheus", InternalCredential.presented(null, "Basic s3cret")))
                .isFalse();
        assertThat(InternalCredential.presented("s3cret", "Bearer other")).isEqualTo("s3cret");
        assertThat(InternalCredential.presented(null, null)).isNull();
    }
}
