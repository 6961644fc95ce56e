package dev.ignis.gateway.trace;

import java.util.HexFormat;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS X-Ray's {@code X-Amzn-Trace-Id} and W3C's {@code traceparent} name the same trace: X-Ray's
 * {@code Root=1-<8 hex epoch seconds>-<24 hex>} is the 32 hex digits of a W3C trace id, {@code
 * Parent} is the span id and {@code Sampled} the flag. A request carrying one gets the other, and
 * one carrying neither gets a new trace, so the gateway, invocation-service and the function
 * ({@code _X_AMZN_TRACE_ID}) log the same id whichever tracing a caller uses.
 */
public final class TraceHeaders {

    public static final String AMZN = "X-Amzn-Trace-Id";
    public static final String TRACEPARENT = "traceparent";

    private static final Pattern AMZN_ROOT = Pattern.compile("(?:^|;)\\s*Root=1-([0-9a-f]{8})-([0-9a-f]{24})(?:;|$)");
    private static final Pattern AMZN_PARENT = Pattern.compile("(?:^|;)\\s*Parent=([0-9a-f]{16})(?:;|$)");
    private static final Pattern AMZN_SAMPLED = Pattern.compile("(?:^|;)\\s*Sampled=([01])(?:;|$)");
    private static final Pattern W3C = Pattern.compile("^00-([0-9a-f]{8})([0-9a-f]{24})-([0-9a-f]{16})-([0-9a-f]{2})$");
    private static final HexFormat HEX = HexFormat.of();

    /** The two headers of one trace. */
    public record Trace(String amzn, String traceparent) {}

    private TraceHeaders() {}

    /**
     * The trace a request belongs to: from its X-Amzn-Trace-Id if it has a valid one, else from its
     * traceparent, else a new, unsampled one started at {@code epochSeconds}.
     */
    public static Trace of(String amzn, String traceparent, long epochSeconds, RandomGenerator random) {
        Optional<Trace> fromAmzn = fromAmzn(amzn, random);
        if (fromAmzn.isPresent()) {
            return fromAmzn.get();
        }
        Matcher w3c = traceparent == null ? null : W3C.matcher(traceparent.trim());
        if (w3c != null && w3c.matches()) {
            boolean sampled = (HEX.fromHexDigits(w3c.group(4)) & 1) == 1;
            return new Trace(
                    "Root=1-" + w3c.group(1) + "-" + w3c.group(2) + ";Parent=" + w3c.group(3) + ";Sampled="
                            + (sampled ? 1 : 0),
                    traceparent.trim());
        }
        String time = "%08x".formatted(epochSeconds & 0xffffffffL);
        String id = hex(random, 12);
        String parent = hex(random, 8);
        return new Trace(
                "Root=1-" + time + "-" + id + ";Parent=" + parent + ";Sampled=0",
                "00-" + time + id + "-" + parent + "-00");
    }

    private static Optional<Trace> fromAmzn(String amzn, RandomGenerator random) {
        if (amzn == null) {
            return Optional.empty();
        }
        Matcher root = AMZN_ROOT.matcher(amzn);
        if (!root.find()) {
            return Optional.empty();
        }
        Matcher parent = AMZN_PARENT.matcher(amzn);
        Matcher sampled = AMZN_SAMPLED.matcher(amzn);
        String span = parent.find() ? parent.group(1) : hex(random, 8);
        String flags = sampled.find() && sampled.group(1).equals("1") ? "01" : "00";
        return Optional.of(new Trace(amzn, "00-" + root.group(1) + root.group(2) + "-" + span + "-" + flags));
    }

    private static String hex(RandomGenerator random, int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HEX.formatHex(value);
    }
}
