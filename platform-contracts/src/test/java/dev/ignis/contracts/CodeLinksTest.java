package dev.ignis.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.internal.CodeLinks;
import dev.ignis.contracts.internal.InternalCredential;
import java.net.URI;
import org.junit.jupiter.api.Test;

class CodeLinksTest {

    static final String SHA = "ab".repeat(32);
    final InternalCredential credential = InternalCredential.of("s3cret");

    @Test
    void aSignedLinkIsValidUntilItExpires() {
        URI link = URI.create("http://gw" + CodeLinks.presignedPath(credential, SHA, 1_000));

        assertThat(valid(link, 999)).isTrue();
        assertThat(valid(link, 1_000)).isTrue();
        assertThat(valid(link, 1_001)).isFalse();
    }

    @Test
    void anotherHashAnotherExpiryOrAnotherKeyIsRefused() {
        String signature =
                query(URI.create("http://gw" + CodeLinks.presignedPath(credential, SHA, 1_000)), CodeLinks.SIGNATURE);

        assertThat(CodeLinks.isValid(credential, CodeLinks.PATH_PREFIX + "cd".repeat(32), "1000", signature, 0))
                .isFalse();
        assertThat(CodeLinks.isValid(credential, CodeLinks.PATH_PREFIX + SHA, "2000", signature, 0))
                .isFalse();
        assertThat(CodeLinks.isValid(InternalCredential.of("other"), CodeLinks.PATH_PREFIX + SHA, "1000", signature, 0))
                .isFalse();
        assertThat(CodeLinks.isValid(credential, CodeLinks.PATH_PREFIX + SHA, null, null, 0))
                .isFalse();
    }

    private boolean valid(URI link, long now) {
        return CodeLinks.isValid(
                credential, link.getPath(), query(link, CodeLinks.EXPIRES), query(link, CodeLinks.SIGNATURE), now);
    }

    private static String query(URI link, String name) {
        for (String pair : link.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        return null;
    }
}
