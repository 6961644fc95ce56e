package dev.ignis.registry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds real zip packages for tests. Entries carry a fixed timestamp, so the same contents always
 * make the same bytes (and the same CodeSha256), however slowly a test runs.
 */
public final class Zips {

    private static final long ENTRY_TIME = Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();

    private Zips() {}

    public static byte[] of(String... namesAndContents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < namesAndContents.length; i += 2) {
                ZipEntry entry = new ZipEntry(namesAndContents[i]);
                entry.setTime(ENTRY_TIME);
                zip.putNextEntry(entry);
                zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** One entry of {@code size} random bytes: a package that hardly compresses, so its unzipped size is known. */
    public static byte[] incompressible(String name, int size) {
        byte[] content = new byte[size];
        new java.util.Random(size).nextBytes(content);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] handler() {
        return of("lambda_function.py", "def lambda_handler(event, context):\n    return event\n");
    }
}
