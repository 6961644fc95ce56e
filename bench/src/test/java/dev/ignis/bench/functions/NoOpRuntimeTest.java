package dev.ignis.bench.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;

class NoOpRuntimeTest {

    @Test
    void providedPackageHasAnExecutableBootstrapAtItsRoot() throws Exception {
        List<ZipArchiveEntry> entries = entries(NoOpRuntime.PROVIDED.zip());

        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.getName()).isEqualTo("bootstrap");
            assertThat(e.getUnixMode() & 0777).isEqualTo(0755);
        });
    }

    @Test
    void everyRuntimeHasItsNoOp() throws Exception {
        assertThat(entries(NoOpRuntime.PYTHON.zip()))
                .extracting(ZipArchiveEntry::getName)
                .containsExactly("noop.py");
        assertThat(entries(NoOpRuntime.NODE.zip()))
                .extracting(ZipArchiveEntry::getName)
                .containsExactly("index.mjs");
        assertThat(entries(NoOpRuntime.JAVA.zip()))
                .extracting(ZipArchiveEntry::getName)
                .containsExactly("dev/ignis/bench/handlers/NoOp.class");
    }

    private static List<ZipArchiveEntry> entries(byte[] zip) throws Exception {
        try (ZipFile file = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(zip))
                .get()) {
            return Collections.list(file.getEntries());
        }
    }
}
