package dev.ignis.gateway.url;

import java.util.Locale;
import java.util.Optional;

/**
 * Recognises function URL requests without regular expressions: the host form
 * {@code <id>.lambda-url.<region>.<domain>[:port]} and the path form {@code /lambda-url/<id>/…}.
 */
final class UrlRequestMatcher {

    private final String hostSuffix;
    private final String pathPrefix;

    UrlRequestMatcher(FunctionUrlProperties properties) {
        this.hostSuffix = (".lambda-url." + properties.region() + "." + properties.domain()).toLowerCase(Locale.ROOT);
        this.pathPrefix =
                properties.pathPrefix().endsWith("/") ? properties.pathPrefix() : properties.pathPrefix() + "/";
    }

    Optional<UrlTarget> match(String host, String path) {
        if (path.startsWith(pathPrefix)) {
            int end = path.indexOf('/', pathPrefix.length());
            String id = end < 0 ? path.substring(pathPrefix.length()) : path.substring(pathPrefix.length(), end);
            String rest = end < 0 ? "/" : path.substring(end);
            return id.isEmpty() ? Optional.empty() : Optional.of(new UrlTarget(id, rest, id + hostSuffix));
        }
        if (host == null) {
            return Optional.empty();
        }
        String name = withoutPort(host).toLowerCase(Locale.ROOT);
        int firstDot = name.indexOf('.');
        if (firstDot <= 0 || !name.endsWith(hostSuffix) || name.length() != firstDot + hostSuffix.length()) {
            return Optional.empty();
        }
        return Optional.of(new UrlTarget(name.substring(0, firstDot), path.isEmpty() ? "/" : path, name));
    }

    private static String withoutPort(String host) {
        int colon = host.lastIndexOf(':');
        return colon > 0 && host.indexOf(']') < colon ? host.substring(0, colon) : host;
    }
}
