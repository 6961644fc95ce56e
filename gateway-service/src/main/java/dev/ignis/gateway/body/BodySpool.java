package dev.ignis.gateway.body;

import dev.ignis.gateway.auth.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Reads a request body to its end, hashing it as it streams, and holds it for forwarding. A body of
 * declared size that fits the shared {@link BodyBudget} stays on the heap; any other goes to a spool
 * file with one buffer in flight at a time, so the heap the gateway spends on bodies is bounded by the
 * budget whatever the number of parallel uploads. A body that reaches its operation's limit fails
 * with {@link BodyTooLargeException} and leaves nothing behind.
 */
public final class BodySpool {

    private final BodyBudget budget;
    private final Path spoolDir;

    public BodySpool(BodyProperties properties) {
        this.budget = new BodyBudget(properties.memoryBudget().toBytes());
        this.spoolDir =
                properties.spoolDir() != null ? properties.spoolDir() : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** The bytes of the heap budget held right now (for tests and the metrics). */
    public long heldInMemory() {
        return budget.used();
    }

    /**
     * @param declaredLength the request's Content-Length, or {@code -1} when it sent none (chunked)
     */
    public Mono<HeldBody> hold(Flux<DataBuffer> body, long declaredLength, BodyLimits.Limit limit) {
        if (declaredLength >= 0 && limit.refuses(declaredLength)) {
            return Mono.error(new BodyTooLargeException(limit));
        }
        if (declaredLength >= 0 && budget.tryReserve(declaredLength)) {
            return inMemory(body, (int) declaredLength, limit);
        }
        return onDisk(body, limit);
    }

    private Mono<HeldBody> inMemory(Flux<DataBuffer> body, int declaredLength, BodyLimits.Limit limit) {
        AtomicBoolean released = new AtomicBoolean();
        MessageDigest digest = newDigest();
        byte[] bytes = new byte[declaredLength];
        AtomicLong filled = new AtomicLong();
        return body.doOnNext(buffer -> {
                    try {
                        int n = buffer.readableByteCount();
                        int at = (int) filled.getAndAdd(n);
                        if (at + n > declaredLength) {
                            throw new BodyTooLargeException(limit);
                        }
                        buffer.read(bytes, at, n);
                        digest.update(bytes, at, n);
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .then(Mono.fromCallable(() -> {
                    if (filled.get() != declaredLength) {
                        throw new IOException(
                                "The body ended after " + filled.get() + " of " + declaredLength + " declared bytes");
                    }
                    return (HeldBody) new HeldBody.InMemory(
                            bytes, Sha256.toHex(digest.digest()), budget, declaredLength, released);
                }))
                .doOnError(e -> {
                    if (released.compareAndSet(false, true)) {
                        budget.release(declaredLength);
                    }
                })
                .doOnCancel(() -> {
                    if (released.compareAndSet(false, true)) {
                        budget.release(declaredLength);
                    }
                });
    }

    private Mono<HeldBody> onDisk(Flux<DataBuffer> body, BodyLimits.Limit limit) {
        return Mono.fromCallable(() -> {
                    Files.createDirectories(spoolDir);
                    return Files.createTempFile(spoolDir, "body-", ".spool");
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(file -> {
                    MessageDigest digest = newDigest();
                    AtomicLong length = new AtomicLong();
                    Flux<DataBuffer> hashed = body.doOnNext(buffer -> {
                        if (limit.refuses(length.addAndGet(buffer.readableByteCount()))) {
                            DataBufferUtils.release(buffer);
                            throw new BodyTooLargeException(limit);
                        }
                        try (DataBuffer.ByteBufferIterator parts = buffer.readableByteBuffers()) {
                            parts.forEachRemaining(digest::update);
                        }
                    });
                    return DataBufferUtils.write(hashed, file)
                            .then(Mono.fromCallable(() ->
                                    (HeldBody) new HeldBody.OnDisk(file, length.get(), Sha256.toHex(digest.digest()))))
                            .doOnError(e -> delete(file))
                            .doOnCancel(() -> delete(file));
                });
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
