package dev.ignis.launcher.config;

import java.net.URI;
import java.util.List;

/**
 * A service the launcher runs: its module (also its jar's and log's name), the short id under
 * {@code ignis.services}, the URL it answers on and the JVM options it starts with.
 */
public record ServiceSpec(String module, String id, URI url, List<String> jvmOptions) {

    public ServiceSpec {
        jvmOptions = List.copyOf(jvmOptions);
    }

    public int port() {
        return url.getPort();
    }

    public ServiceSpec withUrl(URI newUrl) {
        return new ServiceSpec(module, id, newUrl, jvmOptions);
    }

    /** True when a user's name for a service ("gateway", "registry", the module name) means this one. */
    public boolean isNamed(String name) {
        return module.equals(name) || id.equals(name) || module.equals(name + "-service") || id.endsWith("-" + name);
    }
}
