package dev.ignis.registry.function;

import dev.ignis.registry.api.LambdaApiException;
import java.util.List;
import java.util.Locale;

/**
 * The instruction sets a function may run on. A function's processes run natively on the host
 * (there is no emulation), so an installation serves only what its hosts are: by default the
 * architecture of the JVM's host; {@code ignis.registry.architectures} widens that, for hosts whose
 * functions are all portable (scripts without native modules).
 */
final class Architectures {

    static final String X86_64 = "x86_64";
    static final String ARM64 = "arm64";
    private static final List<String> MODEL = List.of(X86_64, ARM64);

    private final List<String> served;
    private final String region;

    Architectures(List<String> configured, String region) {
        this.served = configured.isEmpty() ? List.of(host(System.getProperty("os.arch"))) : List.copyOf(configured);
        this.region = region;
    }

    /** {@code os.arch} as Lambda names it. */
    static String host(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        return arch.equals("aarch64") || arch.equals("arm64") ? ARM64 : X86_64;
    }

    /**
     * The one architecture a request names (AWS's default, x86_64, when it names none), after the
     * model's checks and the check that this installation runs it.
     */
    String choose(List<String> requested) {
        String chosen = requested == null ? X86_64 : checkModel(requested);
        if (!served.contains(chosen)) {
            throw LambdaApiException.invalidParameter("Architecture " + chosen + " is not supported in " + region
                    + ". Supported architectures: " + served + ".");
        }
        return chosen;
    }

    /** AWS's model: a list of exactly one of x86_64 and arm64. */
    private static String checkModel(List<String> requested) {
        String shown =
                "[" + String.join(", ", requested.stream().map(String::valueOf).toList()) + "]";
        if (requested.size() > 1) {
            throw LambdaApiException.validation(
                    shown, "architectures", "Member must have length less than or equal to 1");
        }
        if (requested.isEmpty()) {
            throw LambdaApiException.validation(
                    shown, "architectures", "Member must have length greater than or equal to 1");
        }
        if (!MODEL.contains(requested.getFirst())) {
            throw LambdaApiException.validation(
                    shown,
                    "architectures",
                    "Member must satisfy constraint: [Member must satisfy enum value set: [x86_64, arm64],"
                            + " Member must not be null]");
        }
        return requested.getFirst();
    }
}
