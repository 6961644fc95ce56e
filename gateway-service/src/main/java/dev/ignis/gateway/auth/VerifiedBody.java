package dev.ignis.gateway.auth;

import java.security.MessageDigest;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * A request body checked against its signed SHA-256 as it streams to the backend, without buffering
 * it: each buffer is hashed and passed on one step late, and the last one is released only once the
 * digest matches. On a mismatch the stream fails instead, so the backend sees a truncated request
 * (short of its Content-Length or final chunk) and never acts on a tampered body.
 */
final class VerifiedBody {

    private VerifiedBody() {}

    static Flux<DataBuffer> of(Flux<DataBuffer> body, String expectedHex) {
        return Flux.defer(() -> {
            MessageDigest digest = Sha256.newDigest();
            // Signals are serialised by Reactive Streams, so this one-slot hold needs no locking.
            DataBuffer[] held = new DataBuffer[1];
            return body.<DataBuffer>handle((buffer, sink) -> {
                        hash(digest, buffer);
                        DataBuffer previous = held[0];
                        held[0] = buffer;
                        if (previous != null) {
                            sink.next(previous);
                        }
                    })
                    .concatWith(Mono.defer(() -> {
                        DataBuffer last = held[0];
                        held[0] = null;
                        if (Sha256.toHex(digest.digest()).equalsIgnoreCase(expectedHex)) {
                            return Mono.justOrEmpty(last);
                        }
                        if (last != null) {
                            DataBufferUtils.release(last);
                        }
                        return Mono.error(new PayloadHashMismatchException());
                    }))
                    .doFinally(signal -> {
                        if (signal != SignalType.ON_COMPLETE && held[0] != null) {
                            DataBufferUtils.release(held[0]);
                            held[0] = null;
                        }
                    });
        });
    }

    private static void hash(MessageDigest digest, DataBuffer buffer) {
        try (DataBuffer.ByteBufferIterator views = buffer.readableByteBuffers()) {
            while (views.hasNext()) {
                digest.update(views.next());
            }
        }
    }
}
