package dev.ignis.invocation.config;

import dev.ignis.invocation.runtime.RuntimeSettings;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The invocation service's settings, under {@code ignis.invocation} (config/invocation-service.yml).
 *
 * @param registryUrl where cold starts fetch code the service has not unpacked yet
 * @param workDir unpacked code, layers, runtime files and per-environment scratch space
 * @param environmentKeyFile the registry's environment key (a shared secret)
 * @param unknownFunctionTtl how long an invoke of a function neither the view nor the registry knew
 *     answers 404 without asking the registry again
 */
@Validated
@ConfigurationProperties("ignis.invocation")
public record InvocationProperties(
        @NotBlank String region,
        @NotBlank String accountId,
        @NotNull URI registryUrl,
        @NotNull Path workDir,
        @NotNull Path environmentKeyFile,
        @Valid @NotNull Concurrency concurrency,
        @Valid @NotNull Environments environments,
        @Valid @NotNull Sandbox sandbox,
        @Valid @NotNull RuntimeSettings runtimes,
        @Valid @NotNull Credentials functionCredentials,
        @Valid @NotNull Logs logs,
        @NotNull @DefaultValue("2s") Duration unknownFunctionTtl) {

    /** @param accountLimit concurrent executions of the account (Lambda's default: 1,000) */
    public record Concurrency(@Min(1) int accountLimit) {}

    /**
     * @param idleTimeout an on-demand environment idle this long is shut down
     * @param initTimeout Lambda's 10 s limit for on-demand init
     * @param reapInterval how often idle environments are looked for
     * @param firstRuntimeApiPort the range of loopback ports Runtime API endpoints bind (and the
     *     only local ports a sandboxed function may reach)
     * @param maxConcurrentStarts environments initialising at once; more cold starts wait their turn
     *     rather than all sharing the CPU and running into the init timeout together
     */
    public record Environments(
            @NotNull Duration idleTimeout,
            @NotNull Duration initTimeout,
            @NotNull Duration reapInterval,
            @Min(1024) @Max(65535) int firstRuntimeApiPort,
            @Min(1024) @Max(65535) int lastRuntimeApiPort,
            @Min(1) int maxConcurrentStarts) {}

    /**
     * @param type {@code bubblewrap} (the default; start-up fails when it cannot isolate) or
     *     {@code unsandboxed}: plain processes, only when the operator names it
     * @param runAsUid the uid functions run as when the service is root; negative keeps the
     *     service's own
     * @param cgroupRoot where the cgroup file system is mounted (v2 unified or v1 hierarchies)
     * @param cgroupParent the group under which environments get theirs (v1: in each hierarchy;
     *     v2: below the service's own group, a delegated subtree)
     * @param maxProcesses processes and threads per environment (Lambda: 1,024)
     * @param network what an environment's own network namespace reaches
     */
    public record Sandbox(
            @NotBlank String type,
            int runAsUid,
            @NotNull Path cgroupRoot,
            @NotBlank String cgroupParent,
            @Min(16) int maxProcesses,
            @Valid @NotNull Network network) {}

    /**
     * @param mode {@code outbound} (the outside network is reachable) or {@code none}
     * @param hostAccess the user's own services on this host are reachable at
     *     {@code host.ignis.internal} (every platform port but the gateway's stays closed)
     * @param gatewayUrl the public door functions call the Lambda API at
     * @param platformAddresses every other address the platform listens at on this host; their
     *     ports are closed to functions
     */
    public record Network(
            @NotBlank String mode,
            boolean hostAccess,
            @NotNull URI gatewayUrl,
            @NotNull java.util.List<String> platformAddresses) {}

    /**
     * Short-lived credentials per environment, which the gateway accepts for the function's account.
     *
     * @param keyFile the platform's function-credential key (created on first start when missing)
     * @param lifetime how long a pair stays valid
     */
    public record Credentials(@NotNull Path keyFile, @NotNull Duration lifetime) {}

    /** @param topic where every function log line is published */
    public record Logs(@NotBlank String topic) {}
}
