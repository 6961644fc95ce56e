package dev.ignis.bench.functions;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Deployment packages built in memory, from the bench's own resources and classes. */
public final class Packages {

    /** A file of a package with its Unix mode: invocation-service unpacks with it, so 0755 runs. */
    public record File(byte[] bytes, int mode) {

        public static File regular(byte[] bytes) {
            return new File(bytes, 0644);
        }

        public static File executable(byte[] bytes) {
            return new File(bytes, 0755);
        }
    }

    private static final int REGULAR_FILE = 0100000;

    private Packages() {}

    public static byte[] zip(Map<String, File> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, File> file : files.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(file.getKey());
                entry.setUnixMode(REGULAR_FILE | file.getValue().mode());
                zip.putArchiveEntry(entry);
                zip.write(file.getValue().bytes());
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A class-path resource of the bench (function sources, the java handler's class file). */
    public static byte[] resource(String path) {
        try (InputStream in = Packages.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing bench resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
