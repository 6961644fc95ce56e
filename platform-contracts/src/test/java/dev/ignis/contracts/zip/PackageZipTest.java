package dev.ignis.contracts.zip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class PackageZipTest {

    private static final ZipLimits LIMITS = new ZipLimits(1024 * 1024, 100, 200);

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(String name, String content) throws IOException {
        return zip(Map.of(name, content.getBytes(StandardCharsets.UTF_8)));
    }

    /** A sink that keeps what it is given, up to the point the reader stopped. */
    private static final class Collected implements PackageZip.Sink {
        final Map<String, ByteArrayOutputStream> files = new LinkedHashMap<>();

        @Override
        public void directory(String name) {}

        @Override
        public OutputStream file(String name, int unixMode) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            files.put(name, out);
            return out;
        }

        long bytes() {
            return files.values().stream()
                    .mapToLong(ByteArrayOutputStream::size)
                    .sum();
        }
    }

    private static int centralRecord(byte[] zip) {
        for (int i = zip.length - 4; i >= 0; i--) {
            if (ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).getInt(i) == 0x02014b50) {
                return i;
            }
        }
        throw new AssertionError("no central record");
    }

    @Test
    void readsAnOrdinaryPackageAndMeasuresItsRealBytes() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("lambda_function.py", "print(1)".getBytes(StandardCharsets.UTF_8));
        files.put("lib/", new byte[0]);
        files.put("lib/x.py", "x = 2".getBytes(StandardCharsets.UTF_8));
        Collected sink = new Collected();
        PackageZip.Summary summary = PackageZip.read(ByteBuffer.wrap(zip(files)), LIMITS, sink);
        assertThat(summary).isEqualTo(new PackageZip.Summary(3, 13));
        assertThat(sink.files.get("lib/x.py").toString(StandardCharsets.UTF_8)).isEqualTo("x = 2");
    }

    @Test
    void aLocalHeaderNamingAnotherFileThanTheCentralDirectoryIsRefused() throws Exception {
        byte[] zip = zip("a.py", "print(1)");
        zip[30] = 'b'; // the local header's name; the central directory still says a.py
        assertThatThrownBy(() -> PackageZip.inspect(zip, LIMITS))
                .isInstanceOf(ZipRejectedException.class)
                .hasMessageContaining("names another file");
    }

    @Test
    void aBombStopsAtTheLimitWhileExtractingAndOnItsRatio() throws Exception {
        byte[] bomb = zip("zeros", "\0".repeat(4 * 1024 * 1024));
        Collected sink = new Collected();
        ZipLimits generousRatio = new ZipLimits(LIMITS.maxUnzippedBytes(), 100, 100_000);
        assertThatThrownBy(() -> PackageZip.read(ByteBuffer.wrap(bomb), generousRatio, sink))
                .isInstanceOfSatisfying(ZipRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(ZipRejectedException.Reason.TOO_LARGE));
        assertThat(sink.bytes()).isLessThanOrEqualTo(LIMITS.maxUnzippedBytes());
        assertThatThrownBy(() -> PackageZip.inspect(bomb, new ZipLimits(1L << 30, 100, 100)))
                .isInstanceOfSatisfying(ZipRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(ZipRejectedException.Reason.RATIO));
    }

    @Test
    void aDeclaredSizeThatLiesIsRefused() throws Exception {
        byte[] zip = zip("a.py", "print(1)");
        int central = centralRecord(zip);
        ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN).putInt(central + 24, 3);
        assertThatThrownBy(() -> PackageZip.inspect(zip, LIMITS)).hasMessageContaining("not what its directory");
    }

    @Test
    void symbolicLinksAndEntriesOutsideTheRootAreRefused() throws Exception {
        byte[] link = zip("link", "/etc/passwd");
        int central = centralRecord(link);
        ByteBuffer record = ByteBuffer.wrap(link).order(ByteOrder.LITTLE_ENDIAN);
        record.put(central + 5, (byte) 3); // made by Unix
        record.putInt(central + 38, 0120777 << 16);
        assertThatThrownBy(() -> PackageZip.inspect(link, LIMITS))
                .isInstanceOfSatisfying(ZipRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(ZipRejectedException.Reason.SYMLINK));
        for (String name : new String[] {"../evil.py", "/abs.py", "a/../../evil.py", "c:\\evil.py"}) {
            assertThatThrownBy(() -> PackageZip.inspect(zip(name, "x"), LIMITS))
                    .as(name)
                    .isInstanceOfSatisfying(ZipRejectedException.class, e -> assertThat(e.reason())
                            .isEqualTo(ZipRejectedException.Reason.OUTSIDE_ROOT));
        }
    }

    @Test
    void zip64ArchivesAreRead() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 65_540; i++) {
            files.put("f" + i, new byte[0]); // past 65,535 entries the JDK writes ZIP64 records
        }
        byte[] zip = zip(files);
        PackageZip.Summary summary = PackageZip.inspect(zip, new ZipLimits(1024, 70_000, 200));
        assertThat(summary.entries()).isEqualTo(65_540);
        assertThatThrownBy(() -> PackageZip.inspect(zip, new ZipLimits(1024, 65_535, 200)))
                .hasMessageContaining("more than 65535 entries");
    }

    @Test
    void whatIsNotAZipIsCorrupt() {
        assertThatThrownBy(() -> PackageZip.inspect("not a zip".getBytes(StandardCharsets.UTF_8), LIMITS))
                .isInstanceOfSatisfying(ZipRejectedException.class, e -> assertThat(e.reason())
                        .isEqualTo(ZipRejectedException.Reason.CORRUPT));
        assertThatThrownBy(() -> PackageZip.inspect(new byte[0], LIMITS)).isInstanceOf(ZipRejectedException.class);
    }
}
