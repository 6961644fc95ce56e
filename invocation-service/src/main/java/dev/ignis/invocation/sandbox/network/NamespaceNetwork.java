package dev.ignis.invocation.sandbox.network;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
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
 * and the {@link FilterRules}, loaded with nft from inside the sandbox by its first process, which
 * alone holds {@code CAP_NET_ADMIN} (in the sandbox's own user namespace) and drops it before it
 * execs the runtime. Loading from the host instead would need to enter the namespace: an
 * unprivileged service may enter it but loses its capabilities on the exec of nft.
 */
public final class NamespaceNetwork {

    /** Executables, and whether the service runs as root (slirp4netns then needs no user namespace). */
    public record Tools(String slirp4netns, String nft, String setpriv, boolean root) {}

    /** The one capability the sandbox's first process is given, for nft alone. */
    public static final String LOADER_CAPABILITY = "CAP_NET_ADMIN";

    /** Loads the rules ($0) or fails the start, then drops every capability and runs the rest. */
    private static final String LOADER =
            "%s -f \"$0\" || { echo 'ignis: the network rules were refused' >&2; exit 126; }; "
                    + "exec %s --ambient-caps -all --inh-caps -all -- \"$@\"";

    private static final long SETUP_SECONDS = 10;

    private final Tools tools;

    public NamespaceNetwork(Tools tools) {
        this.tools = tools;
    }

    /** The nft rule set of {@code policy}, to be read by the loader inside the sandbox. */
    public String rules(NetworkPolicy policy) {
        return FilterRules.render(policy);
    }

    /**
     * The command that runs first inside the sandbox: it loads {@code rulesInSandbox}, drops
     * {@link #LOADER_CAPABILITY} and then execs {@code command}, so no function code ever runs
     * before its rules or with the capability to change them.
     */
    public List<String> loading(String rulesInSandbox, List<String> command) {
        List<String> argv = new ArrayList<>(
                List.of("/bin/sh", "-c", String.format(LOADER, tools.nft(), tools.setpriv()), rulesInSandbox));
        argv.addAll(command);
        return argv;
    }

    /** Starts the user-space stack for the namespace of {@code pid} (a process inside it). */
    public Attached attach(long pid) throws IOException {
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
            announced(stack).get(SETUP_SECONDS, TimeUnit.SECONDS);
            return new Attached(stack);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
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
