package dev.ignis.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** A copy of a chart whose hook resources (Jobs, one-time Secrets) render like any other resource. */
final class HooksAsResources {

    private static final Pattern HOOK_ANNOTATION = Pattern.compile("(?m)^\\s*helm\\.sh/hook[a-z-]*:.*\\n");
    private static Path copy;

    private HooksAsResources() {}

    static synchronized Path copy(Path chart) {
        if (copy == null) {
            try {
                Path target = Files.createTempDirectory("ignis-chart").resolve(chart.getFileName());
                try (Stream<Path> files = Files.walk(chart, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                    for (Path file : files.toList()) {
                        Path to = target.resolve(chart.relativize(file).toString());
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(to);
                        } else if (file.startsWith(chart.resolve("templates"))) {
                            Files.writeString(
                                    to,
                                    HOOK_ANNOTATION
                                            .matcher(Files.readString(file))
                                            .replaceAll(""));
                        } else {
                            Files.copy(file, to);
                        }
                    }
                }
                copy = target;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return copy;
    }
}
