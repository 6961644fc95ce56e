package dev.ignis.registry.url;

import dev.ignis.registry.config.RegistryProperties.FunctionUrls;

/** Builds a {@code FunctionUrl} the way AWS lays it out, on Ignis's own domain. */
final class FunctionUrlAddress {

    private FunctionUrlAddress() {}

    /** {@code <scheme>://<urlId>.lambda-url.<region>.<domain>[:<port>]/}, the port only when not the scheme's default. */
    static String of(FunctionUrls settings, String region, String urlId) {
        boolean defaultPort = settings.scheme().equals("http") && settings.port() == 80
                || settings.scheme().equals("https") && settings.port() == 443;
        return settings.scheme() + "://" + urlId + ".lambda-url." + region + "." + settings.domain()
                + (defaultPort ? "" : ":" + settings.port()) + "/";
    }
}
