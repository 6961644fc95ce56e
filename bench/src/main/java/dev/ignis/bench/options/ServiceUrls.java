package dev.ignis.bench.options;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services' URLs from {@code config/application.yml} ({@code ignis.services.*}), the file
 * every service reads them from, so the bench has no ports of its own to drift. Only that one
 * flat block is read, which needs no YAML library.
 */
public final class ServiceUrls {

    private ServiceUrls() {}

    public static Map<String, URI> read(Path applicationYml) throws IOException {
        return parse(Files.readAllLines(applicationYml));
    }

    static Map<String, URI> parse(List<String> lines) {
        Map<String, URI> urls = new LinkedHashMap<>();
        boolean inServices = false;
        for (String line : lines) {
            String content = line.strip();
            if (content.isEmpty() || content.startsWith("#")) {
                continue;
            }
            int indent = line.indexOf(content);
            if (content.equals("services:") && indent == 2) {
                inServices = true;
            } else if (inServices && indent <= 2) {
                break;
            } else if (inServices && content.contains(":")) {
                int colon = content.indexOf(':');
                urls.put(
                        content.substring(0, colon).strip(),
                        URI.create(content.substring(colon + 1).strip()));
            }
        }
        if (urls.isEmpty()) {
            throw new IllegalStateException("No ignis.services block found");
        }
        return urls;
    }
}
