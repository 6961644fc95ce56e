package dev.ignis.launcher.config;

import java.net.URI;
import java.util.List;

/**
 * A service the launcher runs: its module (its jar's name), the short id under {@code
 * ignis.services}, the URL it answers on, the JVM options it starts with, and which replica of the
 * service it is (1 for the first; {@code ./ignis up --replicas}).
 */
public record ServiceSpec(String module, String id, URI url, List<String> jvmOptions, int replica) {

    public ServiceSpec {
        jvmOptions = List.copyOf(jvmOptions);
        if (replica < 1) {
            throw new IllegalArgumentException("replica numbers start at 1");
        }
    }

    public ServiceSpec(String module, String id, URI url, List<String> jvmOptions) {
        this(module, id, url, jvmOptions, 1);
    }

    /** The process's name, for its log and the console: the module, then "-2", "-3" … for more replicas. */
    public String name() {
        return replica == 1 ? module : module + "-" + replica;
    }

    /** Replica {@code number} of this service, answering on {@code newUrl}. */
    public ServiceSpec replica(int number, URI newUrl) {
        return new ServiceSpec(module, id, newUrl, jvmOptions, number);
    }

    public int port() {
        return url.getPort();
    }

    public ServiceSpec withUrl(URI newUrl) {
        return new ServiceSpec(module, id, newUrl, jvmOptions, replica);
    }

    /** True when a user's name for a service ("gateway", "registry", the module name) means this one. */
    public boolean isNamed(String name) {
        return module.equals(name) || id.equals(name) || module.equals(name + "-service") || id.endsWith("-" + name);
    }
}
