package dev.ignis.invocation.sandbox.bubblewrap;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Waits for bubblewrap's process inside the namespaces to be ready for its network: its pid comes
 * from the {@code --info-fd} output, and it is ready once it blocks reading {@code --block-fd}
 * (bubblewrap sets up the namespace's loopback itself before that; configuring the namespace
 * while it does makes its netlink request fail).
 */
final class SandboxInfo {

    private static final Pattern CHILD_PID = Pattern.compile("\"child-pid\"\\s*:\\s*(\\d+)");
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private SandboxInfo() {}

    static long awaitBlockedChild(Path info, Process process, int blockFd) throws IOException {
        long deadline = System.nanoTime() + WAIT_NANOS;
        OptionalLong pid = OptionalLong.empty();
        while (System.nanoTime() < deadline) {
            if (pid.isEmpty()) {
                pid = childPid(info);
            }
            if (pid.isPresent() && blockedOnRead(pid.getAsLong(), blockFd)) {
                return pid.getAsLong();
            }
            if (!process.isAlive()) {
                throw new IOException("bubblewrap exited with " + process.exitValue() + " while setting up");
            }
            try {
                Thread.sleep(0, 200_000); // bubblewrap gets there within milliseconds
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new IOException("bubblewrap did not get its namespaces ready within 10 s");
    }

    private static OptionalLong childPid(Path info) throws IOException {
        try {
            Matcher matcher = CHILD_PID.matcher(Files.readString(info));
            return matcher.find() ? OptionalLong.of(Long.parseLong(matcher.group(1))) : OptionalLong.empty();
        } catch (NoSuchFileException e) {
            return OptionalLong.empty();
        }
    }

    /** {@code /proc/<pid>/syscall} of a process in {@code read(fd, ...)}: "0 0x<fd> ...". */
    private static boolean blockedOnRead(long pid, int fd) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), "syscall"))
                    .startsWith("0 0x" + Integer.toHexString(fd) + " ");
        } catch (IOException e) {
            return false; // gone (the caller sees it exit) or not there yet
        }
    }
}
