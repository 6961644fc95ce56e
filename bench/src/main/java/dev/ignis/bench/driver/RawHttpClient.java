package dev.ignis.bench.driver;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One keep-alive HTTP/1.1 connection with next to no client-side cost, so that the figures
 * measure the server and not the driver. Not thread-safe: one per load-generating thread. A
 * connection that fails or that the server closes is reopened by the next request.
 */
public final class RawHttpClient implements AutoCloseable {

    /** Longer than any scenario waits for one answer; only stops a hung server from hanging the run. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(70);

    private final String host;
    private final int port;
    private final String hostHeader;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public RawHttpClient(String host, int port) {
        this.host = host;
        this.port = port;
        this.hostHeader = host + ":" + port;
    }

    /** A status, the header lines (lower-case names kept as sent) and a body. */
    public record Response(int status, byte[] body, String headers) {

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** Whether a header of this name came back, whatever its case; no copy of the headers is made. */
        public boolean hasHeader(String name) {
            for (int at = 0; at < headers.length(); at = headers.indexOf('\n', at) + 1) {
                if (headers.regionMatches(true, at, name, 0, name.length())
                        && headers.startsWith(":", at + name.length())) {
                    return true;
                }
                if (headers.indexOf('\n', at) < 0) {
                    break;
                }
            }
            return false;
        }
    }

    public Response post(String path, String extraHeaders, byte[] body) throws IOException {
        return send("POST", path, extraHeaders, body);
    }

    public Response get(String path, String extraHeaders) throws IOException {
        return send("GET", path, extraHeaders, null);
    }

    /**
     * Sends one request; {@code extraHeaders} are complete lines, each ending in CRLF. The
     * {@code Host} header is always {@code host:port}, which is what a SigV4 signature covers.
     */
    public Response send(String method, String path, String extraHeaders, byte[] body) throws IOException {
        if (socket == null) {
            connect();
        }
        StringBuilder head = new StringBuilder(256)
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\nHost: ")
                .append(hostHeader)
                .append("\r\n");
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ")
                    .append(body.length)
                    .append("\r\n");
        }
        head.append(extraHeaders).append("\r\n");
        try {
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), (int) READ_TIMEOUT.toMillis());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    private Response read() throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        StringBuilder headers = new StringBuilder();
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String line = line(); !line.isEmpty(); line = line()) {
            headers.append(line).append('\n');
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(line.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        byte[] body = chunked ? chunks() : length > 0 ? in.readNBytes((int) length) : new byte[0];
        if (close) {
            close();
        }
        return new Response(status, body, headers.toString());
    }

    private byte[] chunks() throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int size = chunkSize(); size > 0; size = chunkSize()) {
            all.write(in.readNBytes(size));
            line();
        }
        // trailers, up to the empty line
        while (!line().isEmpty()) {
            // skipped
        }
        return all.toByteArray();
    }

    private int chunkSize() throws IOException {
        String line = line();
        int extension = line.indexOf(';');
        return Integer.parseInt((extension < 0 ? line : line.substring(0, extension)).trim(), 16);
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c == -1) {
                throw new EOFException("connection closed");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
