package dev.ignis.invocation.sandbox.network;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps functions away from the platform's own ports while they keep the outbound network:
 * packets from the sandbox uid to any address of this host are rejected unless they go to the
 * Runtime API port range (or DNS). Installed idempotently into a chain of its own with iptables;
 * every replica on a host installs the same rules.
 */
public final class LoopbackFirewall {

    private static final Logger log = LoggerFactory.getLogger(LoopbackFirewall.class);
    private static final String CHAIN = "IGNIS-FUNCTIONS";

    private final String iptables;

    public LoopbackFirewall(String iptables) {
        this.iptables = iptables;
    }

    /** Installs the rules; false (and a warning) when iptables refuses. */
    public boolean install(int uid, int firstPort, int lastPort) {
        try {
            run(false, "-N", CHAIN);
            run(true, "-F", CHAIN);
            run(true, "-A", CHAIN, "-p", "tcp", "--dport", firstPort + ":" + lastPort, "-j", "RETURN");
            run(true, "-A", CHAIN, "-p", "udp", "--dport", "53", "-j", "RETURN");
            run(true, "-A", CHAIN, "-p", "tcp", "--dport", "53", "-j", "RETURN");
            run(true, "-A", CHAIN, "-j", "REJECT");
            List<String> jump = List.of(
                    "OUTPUT",
                    "-m",
                    "owner",
                    "--uid-owner",
                    Integer.toString(uid),
                    "-m",
                    "addrtype",
                    "--dst-type",
                    "LOCAL",
                    "-j",
                    CHAIN);
            if (!run(false, concat("-C", jump))) {
                run(true, concat("-I", jump));
            }
            return true;
        } catch (IOException e) {
            log.warn("Functions CAN reach the platform's ports: iptables failed ({})", e.getMessage());
            return false;
        }
    }

    private static String[] concat(String first, List<String> rest) {
        String[] all = new String[rest.size() + 1];
        all[0] = first;
        for (int i = 0; i < rest.size(); i++) {
            all[i + 1] = rest.get(i);
        }
        return all;
    }

    private boolean run(boolean mustSucceed, String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(iptables, "-w"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException("iptables did not finish");
            }
            if (process.exitValue() != 0 && mustSucceed) {
                throw new IOException(String.join(" ", args) + ": " + output.trim());
            }
            return process.exitValue() == 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
