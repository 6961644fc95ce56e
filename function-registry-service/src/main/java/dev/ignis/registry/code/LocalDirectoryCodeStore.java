package dev.ignis.registry.code;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * A {@link CodeStore} on a local directory, sharded by the first two hex digits of the hash. A blob is
 * on disk before {@link #put} returns: written to a temporary file, forced to the device, moved into
 * place atomically, and the directory forced too, so an acknowledged upload survives a crash of the
 * process or the machine.
 */
public final class LocalDirectoryCodeStore implements CodeStore {

    private final Path root;

    public LocalDirectoryCodeStore(Path root) {
        this.root = root;
    }

    @Override
    public String put(byte[] bytes) {
        String hash = Sha256.hex(bytes);
        Path target = pathOf(hash);
        if (Files.exists(target)) {
            return hash;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), hash, ".part");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                Files.deleteIfExists(temp);
            }
            forceDirectory(target.getParent());
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store code blob " + hash, e);
        }
    }

    @Override
    public Optional<InputStream> open(String sha256Hex) {
        if (!Sha256.isHex(sha256Hex)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.newInputStream(pathOf(sha256Hex)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean delete(String sha256Hex) {
        try {
            return Sha256.isHex(sha256Hex) && Files.deleteIfExists(pathOf(sha256Hex));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rename is durable only once the directory entry is: fsync the directory (Linux allows it). */
    private static void forceDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    private Path pathOf(String hash) {
        return root.resolve(hash.substring(0, 2)).resolve(hash + ".zip");
    }
}
