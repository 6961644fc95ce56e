package dev.ignis.registry.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class EnvironmentCipherTest {

    private static SecretKey key() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new SecretKeySpec(bytes, "AES");
    }

    @Test
    void sealsAndOpensWithAFreshNonceEachTime() {
        EnvironmentCipher cipher = new EnvironmentCipher("k1", Map.of("k1", key()));
        String first = cipher.seal("{\"A\":\"secret\"}");
        String second = cipher.seal("{\"A\":\"secret\"}");
        assertThat(first).startsWith("v1:k1:").doesNotContain("secret").isNotEqualTo(second);
        assertThat(cipher.open(first)).isEqualTo("{\"A\":\"secret\"}");
    }

    @Test
    void detectsTampering() {
        EnvironmentCipher cipher = new EnvironmentCipher("k1", Map.of("k1", key()));
        String sealed = cipher.seal("value");
        byte[] raw = Base64.getDecoder().decode(sealed.substring("v1:k1:".length()));
        raw[raw.length - 1] ^= 1;
        String tampered = "v1:k1:" + Base64.getEncoder().encodeToString(raw);
        assertThatThrownBy(() -> cipher.open(tampered)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRotatedCipherStillOpensWhatTheOldKeySealed() {
        SecretKey old = key();
        String sealedBefore = new EnvironmentCipher("old", Map.of("old", old)).seal("before");
        EnvironmentCipher rotated = new EnvironmentCipher("new", Map.of("old", old, "new", key()));
        assertThat(rotated.open(sealedBefore)).isEqualTo("before");
        assertThat(rotated.seal("after")).startsWith("v1:new:");
        assertThatThrownBy(() -> new EnvironmentCipher("new", Map.of("new", key())).open(sealedBefore))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
