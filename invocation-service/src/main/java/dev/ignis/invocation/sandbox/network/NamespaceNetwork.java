package dev.ignis.invocation.sandbox.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Connects one environment's fresh network namespace to the world: a slirp4netns process (a
 * user-space TCP/IP stack on the host side, so it works rootless as well as root, IPv4 and IPv6)
 * and the {@link FilterRules} loaded with nft inside the namespace. Both run while the runtime is
 * still held before its exec, so the function never sees the namespace unconfigured.
 */
public final class NamespaceNetwork {

    /** Executables and how to enter a namespace. */
    public record Tools(String slirp4netns, String nsenter, String nft, boolean root) {}

    private static final long SETUP_SECONDS = 10;

    private final Tools tools;

    public NamespaceNetwork(Tools tools) {
        this.tools = tools;
    }

    /** Configures the namespace of {@code pid} (a process inside it) by {@code policy}. */
    public Attached attach(long pid, NetworkPolicy policy) throws IOException {
        String netns = "/proc/" + pid + "/ns/net";
        List<String> slirp = new ArrayList<>(
                List.of(tools.slirp4netns(), "--configure", "--mtu=65520", "--enable-ipv6", "--netns-type=path"));
        if (!tools.root()) {
            // unprivileged: slirp4netns needs the namespace's owner, our own user namespace of it
            slirp.add("--userns-path=/proc/" + pid + "/ns/user");
        }
        slirp.addAll(List.of(netns, "tap0"));
        Process stack = new ProcessBuilder(slirp).redirectErrorStream(true).start();
        try {
            CompletableFuture<Void> configured = announced(stack);
            loadRules(pid, FilterRules.render(policy));
            configured.get(SETUP_SECONDS, TimeUnit.SECONDS);
            return new Attached(stack);
        } catch (IOException | RuntimeException | ExecutionException | TimeoutException e) {
            stack.destroyForcibly();
            throw new IOException("Network of the environment could not be set up: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            stack.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Completes once slirp4netns reports the tap device configured inside the namespace; its
     * output is drained to the end so that it never blocks on a full pipe.
     */
    private static CompletableFuture<Void> announced(Process stack) {
        CompletableFuture<Void> configured = new CompletableFuture<>();
        Thread.ofVirtual().name("slirp4netns-" + stack.pid()).start(() -> {
            StringBuilder seen = new StringBuilder();
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(stack.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (line.startsWith("received tapfd")) {
                        configured.complete(null);
                    } else if (!configured.isDone() && seen.length() < 2048) {
                        seen.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
            configured.completeExceptionally(
                    new IOException("slirp4netns exited: " + seen.toString().trim()));
        });
        return configured;
    }

    private void loadRules(long pid, String rules) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(tools.nsenter(), "-t", Long.toString(pid)));
        if (!tools.root()) {
            command.addAll(List.of("-U", "--preserve-credentials"));
        }
        command.addAll(List.of("-n", tools.nft(), "-f", "-"));
        Process nft = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = nft.getOutputStream()) {
            in.write(rules.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // nsenter ended without reading: its output below says why
        }
        String output = new String(nft.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!nft.waitFor(SETUP_SECONDS, TimeUnit.SECONDS)) {
            nft.destroyForcibly();
            throw new IOException("nft did not finish");
        }
        if (nft.exitValue() != 0) {
            throw new IOException("nft refused the rules: " + output.trim());
        }
    }

    /** The host side of one environment's network; closing it ends the user-space stack. */
    public static final class Attached implements AutoCloseable {

        private final Process stack;

        Attached(Process stack) {
            this.stack = stack;
        }

        /** The slirp4netns process (its memory is the network's cost per environment). */
        public ProcessHandle stack() {
            return stack.toHandle();
        }

        @Override
        public void close() {
            stack.destroy();
        }
    }
}
