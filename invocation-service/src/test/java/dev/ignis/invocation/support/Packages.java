package dev.ignis.invocation.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/** Real ZIP packages for tests, with Unix modes so a {@code bootstrap} can be executable. */
public final class Packages {

    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private final Map<String, Integer> modes = new LinkedHashMap<>();

    public static Packages zip() {
        return new Packages();
    }

    public Packages file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public Packages file(String name, byte[] content) {
        files.put(name, content);
        modes.put(name, 0644);
        return this;
    }

    public Packages executable(String name, String content) {
        file(name, content);
        modes.put(name, 0755);
        return this;
    }

    /** Adds a file from disk (a compiled class, a jar) under {@code name}. */
    public Packages copy(String name, Path source) {
        try {
            return file(name, Files.readAllBytes(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(out)) {
            for (var file : files.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(file.getKey());
                entry.setUnixMode(0100000 | modes.get(file.getKey()));
                zip.putArchiveEntry(entry);
                zip.write(file.getValue());
                zip.closeArchiveEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
