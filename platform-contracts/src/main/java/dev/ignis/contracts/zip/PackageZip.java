package dev.ignis.contracts.zip;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The one reading of a function package, shared by the registry's inspection and
 * invocation-service's extraction so that an archive cannot pass one and mean something else to
 * the other. The central directory (what extractors use) lists the entries; each entry's local
 * header must name the same file; data is inflated and counted as it is produced, so the limits
 * hold on real bytes, during extraction too; declared sizes and CRCs must match what came out.
 * ZIP64 archives are read. Refused: entries outside the root, symbolic links, encrypted or
 * unknown compression, duplicate names.
 */
public final class PackageZip {

    /** Where the entries go; {@code null} from {@link #file} discards the bytes (inspection). */
    public interface Sink {
        void directory(String name) throws IOException;

        OutputStream file(String name, int unixMode) throws IOException;
    }

    /** What the package held. */
    public record Summary(int entries, long unzippedBytes) {}

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int LOCAL = 0x04034b50;
    private static final int SYMLINK_TYPE = 0120000;
    private static final int TYPE_MASK = 0170000;
    private static final long U32 = 0xffffffffL;

    private final ByteBuffer zip;
    private final ZipLimits limits;
    private long total;

    private PackageZip(ByteBuffer zip, ZipLimits limits) {
        this.zip = zip.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.limits = limits;
    }

    /** Reads every entry of {@code zip} into {@code sink} under {@code limits}. */
    public static Summary read(ByteBuffer zip, ZipLimits limits, Sink sink) throws ZipRejectedException, IOException {
        try {
            return new PackageZip(zip, limits).readAll(sink);
        } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
            throw corrupt("an offset points outside the archive");
        }
    }

    /** Checks {@code zip} without writing anything. */
    public static Summary inspect(byte[] zip, ZipLimits limits) throws ZipRejectedException {
        try {
            return read(ByteBuffer.wrap(zip), limits, new Sink() {
                @Override
                public void directory(String name) {}

                @Override
                public OutputStream file(String name, int unixMode) {
                    return null;
                }
            });
        } catch (IOException e) {
            throw corrupt(e.getMessage());
        }
    }

    private Summary readAll(Sink sink) throws ZipRejectedException, IOException {
        int eocd = findEndOfCentralDirectory();
        long count = u16(eocd + 10);
        long offset = u32(eocd + 16);
        int locator = eocd - 20;
        if (locator >= 0 && zip.getInt(locator) == ZIP64_LOCATOR) {
            int record = index(zip.getLong(locator + 8));
            if (zip.getInt(record) != ZIP64_EOCD) {
                throw corrupt("no ZIP64 end of central directory");
            }
            count = zip.getLong(record + 32);
            offset = zip.getLong(record + 48);
        }
        if (count == 0) {
            throw corrupt("no entries");
        }
        if (count > limits.maxEntries()) {
            throw new ZipRejectedException(
                    ZipRejectedException.Reason.TOO_MANY_ENTRIES,
                    "The package has more than " + limits.maxEntries() + " entries.");
        }
        Set<String> names = new HashSet<>();
        int at = index(offset);
        for (long i = 0; i < count; i++) {
            at = entry(at, names, sink);
        }
        return new Summary((int) count, total);
    }

    /** One central directory record at {@code at}; returns where the next one starts. */
    private int entry(int at, Set<String> names, Sink sink) throws ZipRejectedException, IOException {
        if (zip.getInt(at) != CENTRAL) {
            throw corrupt("a central directory record is missing");
        }
        int madeBy = u16(at + 4) >> 8;
        int flags = u16(at + 8);
        int method = u16(at + 10);
        long crc = u32(at + 16);
        long compressed = u32(at + 20);
        long size = u32(at + 24);
        int nameLength = u16(at + 28);
        int extraLength = u16(at + 30);
        int commentLength = u16(at + 32);
        long external = u32(at + 38);
        long local = u32(at + 42);
        String name = string(at + 46, nameLength);
        int extra = at + 46 + nameLength;
        if (size == U32 || compressed == U32 || local == U32) {
            long[] zip64 = zip64Extra(extra, extraLength, size == U32, compressed == U32, local == U32);
            size = zip64[0] < 0 ? size : zip64[0];
            compressed = zip64[1] < 0 ? compressed : zip64[1];
            local = zip64[2] < 0 ? local : zip64[2];
        }
        checkName(name);
        if (!names.add(name)) {
            throw corrupt("the entry " + name + " appears twice");
        }
        int mode = madeBy == 3 ? (int) (external >>> 16) & 0xffff : 0;
        if ((mode & TYPE_MASK) == SYMLINK_TYPE) {
            throw new ZipRejectedException(
                    ZipRejectedException.Reason.SYMLINK, "Symbolic link " + name + " is not allowed.");
        }
        if ((flags & 1) != 0) {
            throw corrupt("the entry " + name + " is encrypted");
        }
        int data = localData(index(local), name);
        if (name.endsWith("/")) {
            sink.directory(name);
        } else {
            extract(name, mode, method, data, compressed, size, crc, sink);
        }
        return extra + extraLength + commentLength;
    }

    /** Where the data of the entry whose local header is at {@code at} starts; the names must agree. */
    private int localData(int at, String name) throws ZipRejectedException {
        if (zip.getInt(at) != LOCAL) {
            throw corrupt("no local header for " + name);
        }
        int nameLength = u16(at + 26);
        if (!string(at + 30, nameLength).equals(name)) {
            throw corrupt("the local header of " + name + " names another file");
        }
        return at + 30 + nameLength + u16(at + 28);
    }

    private void extract(String name, int mode, int method, int data, long compressed, long size, long crc, Sink sink)
            throws ZipRejectedException, IOException {
        if (compressed > zip.capacity() - data) {
            throw corrupt("the data of " + name + " runs past the archive");
        }
        ByteBuffer input = zip.slice(data, (int) compressed);
        OutputStream out = sink.file(name, mode);
        CRC32 check = new CRC32();
        long produced = 0;
        byte[] chunk = new byte[64 * 1024];
        try (out) {
            if (method == 0) {
                while (input.hasRemaining()) {
                    int n = Math.min(chunk.length, input.remaining());
                    input.get(chunk, 0, n);
                    produced = emit(chunk, n, produced, check, out);
                }
            } else if (method == 8) {
                Inflater inflater = new Inflater(true);
                try {
                    inflater.setInput(input);
                    boolean padded = false;
                    while (!inflater.finished()) {
                        int n = inflater.inflate(chunk);
                        if (n == 0 && inflater.needsInput() && !padded) {
                            inflater.setInput(new byte[1]); // raw inflate may want one byte past the data
                            padded = true;
                        } else if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                            throw corrupt("the data of " + name + " ends early");
                        }
                        produced = emit(chunk, n, produced, check, out);
                    }
                } catch (DataFormatException e) {
                    throw corrupt("the data of " + name + " is not deflate");
                } finally {
                    inflater.end();
                }
            } else {
                throw corrupt("the entry " + name + " uses compression method " + method);
            }
        }
        if (produced != size || check.getValue() != crc) {
            throw corrupt("the entry " + name + " is not what its directory record says");
        }
    }

    private long emit(byte[] chunk, int n, long produced, CRC32 check, OutputStream out)
            throws ZipRejectedException, IOException {
        total += n;
        if (total > limits.maxUnzippedBytes()) {
            throw new ZipRejectedException(
                    ZipRejectedException.Reason.TOO_LARGE,
                    "Unzipped size must be smaller than " + limits.maxUnzippedBytes() + " bytes");
        }
        if (total > limits.maxCompressionRatio() * (long) zip.capacity()) {
            throw new ZipRejectedException(
                    ZipRejectedException.Reason.RATIO,
                    "The package expands more than " + limits.maxCompressionRatio()
                            + " times its size; refusing a possible zip bomb.");
        }
        check.update(chunk, 0, n);
        if (out != null) {
            out.write(chunk, 0, n);
        }
        return produced + n;
    }

    /** The ZIP64 extra field's values, in the order the spec lists them, -1 where not present. */
    private long[] zip64Extra(int at, int length, boolean size, boolean compressed, boolean local)
            throws ZipRejectedException {
        int end = at + length;
        while (at + 4 <= end) {
            int id = u16(at);
            int fieldLength = u16(at + 2);
            if (id == 0x0001) {
                long[] values = {-1, -1, -1};
                int value = at + 4;
                boolean[] present = {size, compressed, local};
                for (int i = 0; i < 3; i++) {
                    if (present[i]) {
                        if (value + 8 > at + 4 + fieldLength) {
                            throw corrupt("a short ZIP64 extra field");
                        }
                        values[i] = zip.getLong(value);
                        value += 8;
                    }
                }
                return values;
            }
            at += 4 + fieldLength;
        }
        throw corrupt("ZIP64 sizes without a ZIP64 extra field");
    }

    private static void checkName(String name) throws ZipRejectedException {
        Path normalized = Path.of("/var/task").resolve(name).normalize();
        if (name.isEmpty()
                || name.startsWith("/")
                || name.contains("\\")
                || name.contains(":")
                || name.indexOf('\0') >= 0
                || !normalized.startsWith("/var/task")
                || normalized.equals(Path.of("/var/task"))) {
            throw new ZipRejectedException(
                    ZipRejectedException.Reason.OUTSIDE_ROOT,
                    "The package contains an entry outside its root: " + name);
        }
    }

    private int findEndOfCentralDirectory() throws ZipRejectedException {
        for (int i = zip.capacity() - 22; i >= Math.max(0, zip.capacity() - 22 - 65535); i--) {
            if (zip.getInt(i) == EOCD) {
                return i;
            }
        }
        throw corrupt("no end of central directory");
    }

    private String string(int at, int length) {
        byte[] bytes = new byte[length];
        zip.get(at, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private int u16(int at) {
        return zip.getShort(at) & 0xffff;
    }

    private long u32(int at) {
        return zip.getInt(at) & U32;
    }

    private int index(long offset) throws ZipRejectedException {
        if (offset < 0 || offset >= zip.capacity()) {
            throw corrupt("an offset points outside the archive");
        }
        return (int) offset;
    }

    private static ZipRejectedException corrupt(String why) {
        return new ZipRejectedException(ZipRejectedException.Reason.CORRUPT, "Not a valid package: " + why);
    }
}
