package dev.ignis.gateway.observe;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One INFO line per request on logger {@code dev.ignis.gateway.access}, so operators can route,
 * silence or ship it on its own. Key=value pairs, stable order, easy to grep and to parse.
 */
public final class AccessLog {

    public static final String LOGGER = "dev.ignis.gateway.access";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);

    public boolean enabled() {
        return log.isInfoEnabled();
    }

    public void log(String requestId, String method, String path, String function, int status, long nanos) {
        log.info(
                "requestId={} method={} path={} function={} status={} latencyMs={}",
                requestId,
                method,
                path,
                function == null ? "-" : function,
                status == 0 ? "-" : Integer.toString(status),
                formatMillis(nanos));
    }

    /** Milliseconds with three decimals, without String.format's parsing cost. */
    static String formatMillis(long nanos) {
        long micros = nanos / 1_000;
        long fraction = micros % 1_000;
        return (micros / 1_000) + "." + (fraction < 10 ? "00" : fraction < 100 ? "0" : "") + fraction;
    }

    /**
     * The function a Lambda API path names: the segment after {@code /functions/} in
     * {@code /<api-version>/functions/<name>/...}, or null when the path names none.
     */
    static String functionName(String path) {
        int marker = path.indexOf("/functions/");
        if (marker < 0) {
            return null;
        }
        int start = marker + "/functions/".length();
        int end = path.indexOf('/', start);
        String name = end < 0 ? path.substring(start) : path.substring(start, end);
        if (name.isEmpty()) {
            return null;
        }
        return name.indexOf('%') < 0 ? name : java.net.URLDecoder.decode(name, java.nio.charset.StandardCharsets.UTF_8);
    }
}
