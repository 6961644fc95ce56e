package dev.ignis.invocation.code;

import dev.ignis.contracts.zip.PackageZip;
import dev.ignis.contracts.zip.ZipLimits;
import dev.ignis.contracts.zip.ZipRejectedException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * File work on packages: unzipping with the ZIP's Unix modes (a {@code bootstrap} stays
 * executable), and modes that let the unprivileged sandbox user read what it runs.
 */
final class PackageFiles {

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> EXECUTABLE = PosixFilePermissions.fromString("rwxr-xr-x");
    private static final Set<PosixFilePermission> REGULAR = PosixFilePermissions.fromString("rw-r--r--");

    private PackageFiles() {}

    static Path publicDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.setPosixFilePermissions(dir, DIRECTORY);
        return dir;
    }

    /**
     * Extracts into {@code target} by the rule the registry inspected it with ({@link PackageZip}):
     * its limits hold on the bytes actually written, so an archive that fooled an inspection still
     * cannot fill the disk here.
     */
    static void unzip(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            PackageZip.read(
                    channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()),
                    ZipLimits.LAMBDA,
                    new PackageZip.Sink() {
                        @Override
                        public void directory(String name) throws IOException {
                            Files.createDirectories(inside(root, name));
                        }

                        @Override
                        public OutputStream file(String name, int unixMode) throws IOException {
                            Path out = inside(root, name);
                            Files.createDirectories(out.getParent());
                            Files.deleteIfExists(out);
                            Files.createFile(out);
                            Files.setPosixFilePermissions(out, (unixMode & 0111) != 0 ? EXECUTABLE : REGULAR);
                            return Files.newOutputStream(out);
                        }
                    });
        } catch (ZipRejectedException e) {
            throw new IOException("The package cannot be unpacked: " + e.getMessage(), e);
        }
    }

    /** PackageZip refuses such names already; checked again where the file is made. */
    private static Path inside(Path root, String name) throws IOException {
        Path out = root.resolve(name).normalize();
        if (!out.startsWith(root)) {
            throw new IOException("ZIP entry outside the package: " + name);
        }
        return out;
    }

    /** Directories traversable and files readable by anyone: the sandbox runs as another user. */
    static void makePublic(Path tree) throws IOException {
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.setPosixFilePermissions(dir, DIRECTORY);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static void deleteTree(Path tree) {
        try (var paths = Files.walk(tree)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort on a failed unpack
        }
    }
}
