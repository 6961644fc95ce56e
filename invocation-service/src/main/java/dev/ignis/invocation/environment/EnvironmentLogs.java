package dev.ignis.invocation.environment;

import dev.ignis.contracts.logs.FunctionLogLine;
import dev.ignis.invocation.logs.LogSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * The log stream of one environment: the runtime's stdout and stderr line by line, plus the
 * platform's START / END / REPORT lines, each going to the current invocation's tail and to the
 * log sink under the function's log group and stream.
 */
final class EnvironmentLogs {

    private final LogSink sink;
    private final Clock clock;
    private final String logGroup;
    private final String logStream;
    private final String functionArn;
    private final String version;
    private volatile Invocation current;
    private volatile InputStream source;
    private static final long MAX_PAUSE_MS = 100;

    /** Lambda cuts a log line at 256 KB; the rest of it, to the next newline, is dropped. */
    static final int MAX_LINE_BYTES = 256 * 1024;

    /** Past this much output in one invocation (or in init) lines are dropped, after one notice. */
    static final long MAX_BYTES_PER_INVOCATION = 16L * 1024 * 1024;

    private boolean skippingRestOfLine;
    private volatile long bytesThisInvocation;

    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private volatile boolean ended;

    EnvironmentLogs(LogSink sink, Clock clock, String functionName, String functionArn, String version, String id) {
        this.sink = sink;
        this.clock = clock;
        this.logGroup = "/aws/lambda/" + functionName;
        this.logStream = streamName(clock, version, id);
        this.functionArn = functionArn;
        this.version = version;
    }

    private static String streamName(Clock clock, String version, String id) {
        var date = clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
        return String.format(
                "%04d/%02d/%02d/[%s]%s", date.getYear(), date.getMonthValue(), date.getDayOfMonth(), version, id);
    }

    String logGroup() {
        return logGroup;
    }

    String logStream() {
        return logStream;
    }

    /**
     * Reads the runtime's output on a virtual thread until the process ends. It never blocks in
     * {@code read}: a blocked read holds the stream's lock, and {@link #settle} must be able to
     * look at the pipe at any time. It polls instead, backing off while the function is quiet.
     */
    void pump(InputStream output, String environmentId) {
        this.source = output;
        Thread.ofVirtual().name("logs-" + environmentId).start(() -> {
            long pauseMs = 1;
            while (!ended) {
                pauseMs = drain() > 0 ? 1 : Math.min(pauseMs * 2, MAX_PAUSE_MS);
                try {
                    Thread.sleep(pauseMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
            finish();
        });
    }

    /** Reads and dispatches every complete line waiting in the pipe; returns the bytes read. */
    private int drain() {
        synchronized (partial) {
            int total = 0;
            try {
                int available;
                while ((available = source.available()) > 0) {
                    int n = source.read(buffer, 0, Math.min(available, buffer.length));
                    if (n <= 0) {
                        break;
                    }
                    split(n);
                    total += n;
                }
            } catch (IOException e) {
                ended = true;
            }
            return total;
        }
    }

    private void split(int n) {
        int start = 0;
        for (int i = 0; i < n; i++) {
            if (buffer[i] == '\n') {
                append(start, i - start);
                if (!skippingRestOfLine) {
                    line(partial.toString(StandardCharsets.UTF_8));
                }
                partial.reset();
                skippingRestOfLine = false;
                start = i + 1;
            }
        }
        append(start, n - start);
    }

    /** Appends to the line being read, cutting it at {@link #MAX_LINE_BYTES}. */
    private void append(int offset, int length) {
        if (skippingRestOfLine) {
            return;
        }
        int room = MAX_LINE_BYTES - partial.size();
        partial.write(buffer, offset, Math.min(length, room));
        if (length >= room) {
            line(partial.toString(StandardCharsets.UTF_8));
            partial.reset();
            skippingRestOfLine = true;
        }
    }

    /** After the process ended: whatever it wrote last, including a line without a newline. */
    private void finish() {
        synchronized (partial) {
            try (InputStream in = source) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    split(n);
                }
            } catch (IOException e) {
                // closed
            }
            if (partial.size() > 0) {
                line(partial.toString(StandardCharsets.UTF_8));
                partial.reset();
            }
        }
    }

    /** The process is gone: the pump reads to the end of its output and stops. */
    void close() {
        ended = true;
    }

    void begin(Invocation invocation) {
        bytesThisInvocation = 0;
        current = invocation;
    }

    /**
     * Dispatches what the runtime wrote before answering, so its lines land before END. A last
     * line without a newline counts as one too: a logger call is one log event on Lambda, newline
     * or not.
     */
    void settle() {
        if (source == null || ended) {
            return;
        }
        drain();
        synchronized (partial) {
            if (partial.size() > 0) {
                line(partial.toString(StandardCharsets.UTF_8));
                partial.reset();
            }
        }
    }

    void end() {
        current = null;
    }

    /** A line the runtime wrote: cut to the invocation's log volume bound. */
    private void line(String text) {
        long before = bytesThisInvocation;
        bytesThisInvocation = before + text.length() + 1;
        if (before > MAX_BYTES_PER_INVOCATION) {
            return;
        }
        if (bytesThisInvocation > MAX_BYTES_PER_INVOCATION) {
            text = "[Ignis] this invocation's log passed " + MAX_BYTES_PER_INVOCATION
                    + " bytes; the rest of its output is dropped";
        }
        platformLine(text);
    }

    /** One line of the environment's log, attributed to the current invocation if there is one. */
    void platformLine(String text) {
        Invocation invocation = current;
        String requestId = invocation == null ? null : invocation.requestId();
        if (invocation != null) {
            invocation.log().append(text);
        }
        sink.publish(new FunctionLogLine(logGroup, logStream, functionArn, version, requestId, clock.instant(), text));
    }
}
