package dev.ignis.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class VerifiedBodyTest {

    static final DefaultDataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

    @Test
    void passesEveryBufferOnWhenTheDigestMatches() {
        List<String> seen = new ArrayList<>();

        StepVerifier.create(VerifiedBody.of(chunks("ab", "cd", "ef"), Sha256.hex("abcdef")))
                .thenConsumeWhile(buffer -> seen.add(text(buffer)))
                .verifyComplete();

        assertThat(seen).containsExactly("ab", "cd", "ef");
    }

    @Test
    void holdsBackTheLastBufferAndFailsWhenTheDigestDiffers() {
        List<String> seen = new ArrayList<>();

        StepVerifier.create(VerifiedBody.of(chunks("ab", "cd", "ef"), Sha256.hex("abcdeX")))
                .thenConsumeWhile(buffer -> seen.add(text(buffer)))
                .verifyError(PayloadHashMismatchException.class);

        assertThat(seen).as("the backend never gets the whole body").containsExactly("ab", "cd");
    }

    @Test
    void anEmptyBodyMatchesTheEmptyDigest() {
        StepVerifier.create(VerifiedBody.of(Flux.empty(), Sha256.EMPTY_PAYLOAD)).verifyComplete();
    }

    private static Flux<DataBuffer> chunks(String... parts) {
        return Flux.fromArray(parts).map(part -> BUFFERS.wrap(part.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(DataBuffer buffer) {
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
