package dev.ignis.bench.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.junit.jupiter.api.Test;

class PaddedPackageTest {

    private static final int MIB = 1 << 20;

    @Test
    void randomPaddingDoesNotDeflateSoTheZipIsAsLargeAsAsked() {
        byte[] zip = PaddedPackage.of(MIB, 1);

        // a megabyte and the few hundred bytes of the handler and the ZIP's own headers
        assertThat(zip.length).isBetween(MIB, MIB + 4 * 1024);
    }

    @Test
    void holdsTheRunnableHandlerBesideThePadding() throws Exception {
        try (ZipFile file = ZipFile.builder()
                .setSeekableByteChannel(new SeekableInMemoryByteChannel(PaddedPackage.of(1024, 1)))
                .get()) {
            List<ZipArchiveEntry> entries = Collections.list(file.getEntries());

            assertThat(entries)
                    .extracting(ZipArchiveEntry::getName)
                    .containsExactlyInAnyOrder("noop.py", "padding.bin");
            assertThat(file.getEntry("padding.bin").getSize()).isEqualTo(1024);
        }
    }

    @Test
    void eachSeedIsAnotherPackageSoTheCodeStoreCannotDeduplicateIt() {
        assertThat(PaddedPackage.of(1024, 1)).isNotEqualTo(PaddedPackage.of(1024, 2));
        assertThat(PaddedPackage.of(1024, 7)).isEqualTo(PaddedPackage.of(1024, 7));
    }
}
