package dev.ignis.registry.code;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Checks an uploaded package before anything is stored: every entry must stay inside the
 * extraction root, and the real (inflated, not declared) size must stay within the limits, so a
 * zip bomb is stopped while it is being counted rather than after it filled a disk.
 */
public final class ZipInspector {

    /** Unix symlink file type in the upper bits of a zip entry's external attributes. */
    private static final int SYMLINK_MODE = 0120000;

    private final long maxUnzippedBytes;
    private final int maxEntries;
    private final long maxCompressionRatio;

    public ZipInspector(long maxUnzippedBytes, int maxEntries, long maxCompressionRatio) {
        this.maxUnzippedBytes = maxUnzippedBytes;
        this.maxEntries = maxEntries;
        this.maxCompressionRatio = maxCompressionRatio;
    }

    /** The outcome of a successful inspection. */
    public record Inspection(int entries, long unzippedBytes) {}

    /** A package Lambda would refuse, with the reason in AWS's words where AWS has words. */
    public static final class RejectedZipException extends Exception {
        public RejectedZipException(String message) {
            super(message);
        }
    }

    public Inspection inspect(byte[] zip) throws RejectedZipException {
        int entries = 0;
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries++;
                if (entries > maxEntries) {
                    throw new RejectedZipException("The package has more than " + maxEntries + " entries.");
                }
                checkName(entry.getName());
                int read;
                while ((read = in.read(buffer)) > 0) {
                    total += read;
                    if (total > maxUnzippedBytes) {
                        throw new RejectedZipException(
                                "Unzipped size must be smaller than " + maxUnzippedBytes + " bytes");
                    }
                }
                if (isSymlink(zip, entry)) {
                    throw new RejectedZipException("Symbolic link " + entry.getName() + " is not allowed.");
                }
            }
        } catch (IOException e) {
            throw new RejectedZipException(
                    "Could not unzip uploaded file. Please check your file, then try to upload again.");
        }
        if (entries == 0) {
            throw new RejectedZipException(
                    "Could not unzip uploaded file. Please check your file, then try to upload again.");
        }
        if (zip.length > 0 && total / zip.length > maxCompressionRatio) {
            throw new RejectedZipException("The package expands more than " + maxCompressionRatio
                    + " times its size; refusing a possible zip bomb.");
        }
        return new Inspection(entries, total);
    }

    private static void checkName(String name) throws RejectedZipException {
        Path normalized = Path.of("/var/task").resolve(name).normalize();
        if (name.startsWith("/")
                || name.startsWith("\\")
                || name.contains(":")
                || !normalized.startsWith("/var/task")) {
            throw new RejectedZipException("The package contains an entry outside its root: " + name);
        }
    }

    /** ZipInputStream does not expose external attributes; the central directory records them. */
    private static boolean isSymlink(byte[] zip, ZipEntry entry) {
        return CentralDirectory.unixMode(zip, entry.getName()) == SYMLINK_MODE;
    }

    /** Reads the Unix mode bits recorded for one entry in the zip's central directory. */
    static final class CentralDirectory {
        private CentralDirectory() {}

        static int unixMode(byte[] zip, String name) {
            int end = findEndOfCentralDirectory(zip);
            if (end < 0) {
                return 0;
            }
            int count = u16(zip, end + 10);
            int offset = (int) u32(zip, end + 16);
            for (int i = 0; i < count && offset + 46 <= zip.length; i++) {
                if (u32(zip, offset) != 0x02014b50L) {
                    return 0;
                }
                int madeBy = u16(zip, offset + 4) >> 8;
                int nameLength = u16(zip, offset + 28);
                int extraLength = u16(zip, offset + 30);
                int commentLength = u16(zip, offset + 32);
                long external = u32(zip, offset + 38);
                String entryName = new String(zip, offset + 46, nameLength, java.nio.charset.StandardCharsets.UTF_8);
                if (entryName.equals(name)) {
                    return madeBy == 3 ? (int) ((external >>> 16) & 0170000) : 0;
                }
                offset += 46 + nameLength + extraLength + commentLength;
            }
            return 0;
        }

        private static int findEndOfCentralDirectory(byte[] zip) {
            for (int i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 65535); i--) {
                if (u32(zip, i) == 0x06054b50L) {
                    return i;
                }
            }
            return -1;
        }

        private static int u16(byte[] b, int at) {
            return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
        }

        private static long u32(byte[] b, int at) {
            return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xffffffffL;
        }
    }
}
