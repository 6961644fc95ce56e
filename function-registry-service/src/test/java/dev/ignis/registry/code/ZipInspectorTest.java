package dev.ignis.registry.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignis.contracts.zip.ZipLimits;
import dev.ignis.registry.Zips;
import dev.ignis.registry.code.ZipInspector.RejectedZipException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ZipInspectorTest {

    private final ZipInspector inspector = new ZipInspector(new ZipLimits(1_000_000, 100, 200));

    @Test
    void acceptsAnOrdinaryPackageAndMeasuresIt() throws Exception {
        var inspection = inspector.inspect(Zips.of("a.py", "print(1)", "lib/b.py", "x = 2"));
        assertThat(inspection.entries()).isEqualTo(2);
        assertThat(inspection.unzippedBytes()).isEqualTo("print(1)".length() + "x = 2".length());
    }

    @Test
    void rejectsEntriesThatLeaveTheRoot() {
        assertThatThrownBy(() -> inspector.inspect(Zips.of("../evil.py", "x")))
                .isInstanceOf(RejectedZipException.class)
                .hasMessageContaining("outside its root");
        assertThatThrownBy(() -> inspector.inspect(Zips.of("/etc/passwd", "x")))
                .isInstanceOf(RejectedZipException.class);
        assertThatThrownBy(() -> inspector.inspect(Zips.of("lib/../../x", "x")))
                .isInstanceOf(RejectedZipException.class);
    }

    @Test
    void rejectsSymlinkEntries() throws IOException {
        byte[] zip = withSymlink("link", "/etc/shadow");
        assertThatThrownBy(() -> inspector.inspect(zip))
                .isInstanceOf(RejectedZipException.class)
                .hasMessageContaining("Symbolic link");
    }

    @Test
    void stopsABombOnItsRealSizeAndOnItsRatio() {
        byte[] bomb = Zips.of("zeros", "0".repeat(2_000_000));
        // the ratio is checked while inflating too: give it room to see the size limit first
        ZipInspector small = new ZipInspector(new ZipLimits(1_000_000, 100, 100_000));
        assertThatThrownBy(() -> small.inspect(bomb))
                .isInstanceOf(RejectedZipException.class)
                .hasMessageContaining("Unzipped size");
        ZipInspector roomy = new ZipInspector(new ZipLimits(10_000_000, 100, 200));
        assertThatThrownBy(() -> roomy.inspect(bomb))
                .isInstanceOf(RejectedZipException.class)
                .hasMessageContaining("zip bomb");
    }

    @Test
    void rejectsWhatIsNotAZip() {
        assertThatThrownBy(() -> inspector.inspect("not a zip".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RejectedZipException.class)
                .hasMessage("Could not unzip uploaded file. Please check your file, then try to upload again.");
    }

    /** A zip whose central directory marks an entry as a Unix symlink, as `zip --symlinks` does. */
    private static byte[] withSymlink(String name, String target) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(target.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        byte[] out = bytes.toByteArray();
        for (int i = out.length - 22; i >= 0; i--) {
            if (out[i] == 0x50 && out[i + 1] == 0x4b && out[i + 2] == 0x01 && out[i + 3] == 0x02) {
                out[i + 5] = 3; // made by: Unix
                int mode = 0120777;
                out[i + 40] = (byte) (mode & 0xff);
                out[i + 41] = (byte) ((mode >> 8) & 0xff);
                break;
            }
        }
        return out;
    }
}
