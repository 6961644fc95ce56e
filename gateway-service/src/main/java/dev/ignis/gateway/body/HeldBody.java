package dev.ignis.gateway.body;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;

/**
 * A request body read to its end and hashed, held until it is forwarded: in heap bytes counted
 * against the {@link BodyBudget}, or in a spool file. {@link #release()} gives the memory back or
 * deletes the file, and may be called more than once.
 */
public sealed interface HeldBody {

    int REPLAY_CHUNK = 64 * 1024;

    /** The SHA-256 of the body, lower-case hex. */
    String sha256Hex();

    long length();

    /** The body again, as often as asked, while it is held. */
    Flux<DataBuffer> content(DataBufferFactory buffers);

    void release();

    /** A body held on the heap; its bytes are counted in the budget until released. */
    record InMemory(byte[] bytes, String sha256Hex, BodyBudget budget, long reserved, AtomicBoolean released)
            implements HeldBody {

        @Override
        public long length() {
            return bytes.length;
        }

        @Override
        public Flux<DataBuffer> content(DataBufferFactory buffers) {
            return bytes.length == 0 ? Flux.empty() : Flux.defer(() -> Flux.just(buffers.wrap(bytes)));
        }

        @Override
        public void release() {
            if (released.compareAndSet(false, true)) {
                budget.release(reserved);
            }
        }
    }

    /** A body spooled to a file, replayed from it in fixed-size chunks. */
    record OnDisk(Path file, long length, String sha256Hex) implements HeldBody {

        @Override
        public Flux<DataBuffer> content(DataBufferFactory buffers) {
            return length == 0 ? Flux.empty() : DataBufferUtils.read(file, buffers, REPLAY_CHUNK);
        }

        @Override
        public void release() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot delete the spooled body " + file, e);
            }
        }
    }
}
