package dev.ignis.invocation.code;

import dev.ignis.contracts.registry.FunctionSnapshot.LayerRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Unpacked packages on local disk, content-addressed: {@code code/<sha>} for a function's ZIP and
 * {@code layers/<digest of the list>} for a function's layers merged in order (a later layer's
 * file wins, as in {@code /opt} on Lambda). A package is fetched and unpacked once, verified against
 * its SHA-256, and shared read-only by every environment that runs it.
 */
public final class CodeCache {

    private final Path codeDir;
    private final Path layersDir;
    private final Path downloads;
    private final CodeSource source;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public CodeCache(Path root, CodeSource source) throws IOException {
        this.codeDir = PackageFiles.publicDirectory(root.resolve("code"));
        this.layersDir = PackageFiles.publicDirectory(root.resolve("layers"));
        this.downloads = Files.createDirectories(root.resolve("downloads"));
        this.source = source;
    }

    /** The unpacked function package with this (base64, as Lambda reports it) SHA-256. */
    public Path taskRoot(String codeSha256Base64) throws IOException {
        String hex = hexOf(codeSha256Base64);
        Path dir = codeDir.resolve(hex);
        if (Files.isDirectory(dir)) {
            return dir;
        }
        return underLock(hex, () -> {
            if (!Files.isDirectory(dir)) {
                unpackInto(List.of(hex), dir);
            }
            return dir;
        });
    }

    /** The function's layers merged into one directory, or empty when it has none. */
    public Optional<Path> layers(List<LayerRef> layers) throws IOException {
        if (layers.isEmpty()) {
            return Optional.empty();
        }
        List<String> hexes = layers.stream().map(l -> hexOf(l.codeSha256())).toList();
        String key = HexFormat.of().formatHex(sha256(String.join(",", hexes).getBytes()));
        Path dir = layersDir.resolve(key);
        if (Files.isDirectory(dir)) {
            return Optional.of(dir);
        }
        return Optional.of(underLock(key, () -> {
            if (!Files.isDirectory(dir)) {
                unpackInto(hexes, dir);
            }
            return dir;
        }));
    }

    private void unpackInto(List<String> hexes, Path target) throws IOException {
        Path staging = Files.createTempDirectory(target.getParent(), ".unpack-");
        try {
            for (String hex : hexes) {
                Path zip = download(hex);
                try {
                    PackageFiles.unzip(zip, staging);
                } finally {
                    Files.deleteIfExists(zip);
                }
            }
            PackageFiles.makePublic(staging);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            PackageFiles.deleteTree(staging);
            throw e;
        }
    }

    private Path download(String hex) throws IOException {
        Path file = Files.createTempFile(downloads, hex, ".zip");
        MessageDigest digest = newDigest();
        try (InputStream in = source.open(hex);
                OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            in.transferTo(out);
        }
        if (!HexFormat.of().formatHex(digest.digest()).equals(hex)) {
            Files.deleteIfExists(file);
            throw new IOException("Package " + hex + " arrived corrupted (SHA-256 mismatch)");
        }
        return file;
    }

    private interface Work {
        Path run() throws IOException;
    }

    private Path underLock(String key, Work work) throws IOException {
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            return work.run();
        } finally {
            lock.unlock();
        }
    }

    static String hexOf(String base64) {
        return HexFormat.of().formatHex(Base64.getDecoder().decode(base64));
    }

    private static byte[] sha256(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
