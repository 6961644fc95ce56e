package dev.ignis.invocation.environment;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The log of one invocation as {@code X-Amz-Log-Type: Tail} returns it: the last 4 KB, kept in a
 * ring so a chatty function costs no more memory than that.
 */
final class InvocationLog {

    static final int TAIL_BYTES = 4096;

    private final byte[] ring;
    private long written;

    InvocationLog(boolean keepTail) {
        this.ring = keepTail ? new byte[TAIL_BYTES] : null;
    }

    synchronized void append(String line) {
        if (ring == null) {
            return;
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        int from = Math.max(0, bytes.length - TAIL_BYTES);
        for (int i = from; i < bytes.length; i++) {
            ring[(int) (written++ % TAIL_BYTES)] = bytes[i];
        }
    }

    /** Base64 of the last 4 KB, or null when no tail was asked for. */
    synchronized String tailBase64() {
        if (ring == null) {
            return null;
        }
        byte[] tail;
        if (written <= TAIL_BYTES) {
            tail = Arrays.copyOf(ring, (int) written);
        } else {
            int start = (int) (written % TAIL_BYTES);
            tail = new byte[TAIL_BYTES];
            System.arraycopy(ring, start, tail, 0, TAIL_BYTES - start);
            System.arraycopy(ring, 0, tail, TAIL_BYTES - start, start);
        }
        return Base64.getEncoder().encodeToString(tail);
    }
}
