package dev.ignis.invocation.runtimeapi;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The smallest HTTP/1.1 server codec the Runtime API needs: keep-alive, {@code Content-Length}
 * and chunked request bodies, {@code Expect: 100-continue} (curl-based clients send it), and
 * fixed-length responses. Written by hand because a full server per execution environment costs
 * a dispatcher thread and far more latency than this hop can afford.
 */
final class HttpCodec {

    private static final int MAX_LINE = 16 * 1024;

    /** The function is the client: a bounded head costs the service a bounded amount. */
    static final int MAX_HEADERS = 64;

    static final int MAX_HEAD_BYTES = 64 * 1024;
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private HttpCodec() {}

    /**
     * The next request on the connection, or null when the peer closed it between requests. A body
     * over {@code maxBody} is left unread and comes back as a null body: the caller answers and
     * closes the connection.
     */
    static HttpMessage read(InputStream in, OutputStream out, int maxBody) throws IOException {
        String requestLine = readLine(in, true);
        if (requestLine == null) {
            return null;
        }
        if (requestLine.isEmpty()) {
            requestLine = readLine(in, false); // tolerate one stray CRLF between requests
        }
        String[] parts = requestLine.split(" ", 3);
        if (parts.length < 3 || !parts[2].startsWith("HTTP/1.") || !parts[1].startsWith("/")) {
            throw new BadRequestException("Malformed request line");
        }
        Map<String, String> headers = new HashMap<>();
        int headBytes = requestLine.length();
        int count = 0;
        for (String line = readLine(in, false); !line.isEmpty(); line = readLine(in, false)) {
            headBytes += line.length();
            if (++count > MAX_HEADERS || headBytes > MAX_HEAD_BYTES) {
                throw new BadRequestException("Too many or too large headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new BadRequestException("Malformed header line");
            }
            headers.put(
                    line.substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT),
                    line.substring(colon + 1).trim());
        }
        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write(CONTINUE);
            out.flush();
        }
        String path = parts[1];
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        return new HttpMessage(parts[0], path, headers, readBody(in, headers, maxBody));
    }

    private static byte[] readBody(InputStream in, Map<String, String> headers, int maxBody) throws IOException {
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            return readChunked(in, maxBody);
        }
        String length = headers.get("content-length");
        if (length == null) {
            return new byte[0];
        }
        long size = number(length, 10, 18);
        if (size > maxBody) {
            return null;
        }
        byte[] body = in.readNBytes((int) size);
        if (body.length < size) {
            throw new EOFException("Connection closed mid-body");
        }
        return body;
    }

    /** A non-negative number of at most {@code maxDigits} digits: no sign, no overflow. */
    private static long number(String text, int radix, int maxDigits) throws BadRequestException {
        if (text.isEmpty() || text.length() > maxDigits) {
            throw new BadRequestException("Malformed length: " + text);
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            int digit = Character.digit(text.charAt(i), radix);
            if (digit < 0) {
                throw new BadRequestException("Malformed length: " + text);
            }
            value = value * radix + digit;
        }
        return value;
    }

    private static byte[] readChunked(InputStream in, int maxBody) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in, false);
            int semicolon = sizeLine.indexOf(';');
            long size = number((semicolon >= 0 ? sizeLine.substring(0, semicolon) : sizeLine).trim(), 16, 15);
            if (size == 0) {
                while (!readLine(in, false).isEmpty()) {
                    // trailers carry nothing the Runtime API uses
                }
                return body.toByteArray();
            }
            if (body.size() + size > maxBody) {
                return null;
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length < size) {
                throw new EOFException("Connection closed mid-chunk");
            }
            body.write(chunk);
            if (!readLine(in, false).isEmpty()) {
                throw new BadRequestException("Chunk longer than its size");
            }
        }
    }

    private static String readLine(InputStream in, boolean eofAllowed) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int c;
        while ((c = in.read()) != '\n') {
            if (c == -1) {
                if (eofAllowed && line.isEmpty()) {
                    return null;
                }
                throw new EOFException("Connection closed mid-request");
            }
            if (c != '\r') {
                if (line.length() == MAX_LINE) {
                    throw new BadRequestException("Header line too long");
                }
                line.append((char) c);
            }
        }
        return line.toString();
    }

    static void write(OutputStream out, int status, Map<String, String> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(reason(status))
                .append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 202 -> "Accepted";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 413 -> "Request Entity Too Large";
            default -> "Internal Server Error";
        };
    }

    static final class BadRequestException extends IOException {
        BadRequestException(String message) {
            super(message);
        }
    }
}
