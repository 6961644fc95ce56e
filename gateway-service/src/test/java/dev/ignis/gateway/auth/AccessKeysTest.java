package dev.ignis.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignis.gateway.auth.AuthProperties.AccessKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessKeysTest {

    @TempDir
    Path dir;

    @Test
    void aMountedKeyFileReplacesTheConfiguredKeys() throws Exception {
        Path file = Files.writeString(
                dir.resolve("keys"), "# cluster keys\nAKIAPROD:s3cr3t/with+chars\n\nAKIAOPS : other\n");

        AccessKeys keys = AccessKeys.from(properties(file));

        assertThat(keys.secretOf("AKIAPROD")).hasValue("s3cr3t/with+chars");
        assertThat(keys.secretOf("AKIAOPS")).hasValue("other");
        assertThat(keys.secretOf("test")).as("the local default pair is gone").isEmpty();
    }

    @Test
    void withoutAKeyFileTheConfiguredKeysApply() {
        assertThat(AccessKeys.from(properties(null)).secretOf("test")).hasValue("test");
    }

    @Test
    void aMalformedLineFailsStartUpWithoutEchoingTheSecret() throws Exception {
        Path file = Files.writeString(dir.resolve("keys"), "AKIAPROD-s3cr3t\n");

        assertThatThrownBy(() -> AccessKeys.from(properties(file))).hasMessageNotContaining("s3cr3t");
    }

    @Test
    void anAccessKeyNeverPrintsItsSecret() {
        assertThat(new AccessKey("test", "hunter2").toString()).doesNotContain("hunter2");
    }

    private static AuthProperties properties(Path keyFile) {
        return new AuthProperties(
                AuthProperties.Mode.VERIFY, List.of(new AccessKey("test", "test")), keyFile, Duration.ofMinutes(5));
    }
}
