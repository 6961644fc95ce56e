package dev.ignis.bench.floor;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The physical floor: a loopback HTTP/1.1 server that answers every request with its own body, on
 * keep-alive connections, one platform thread per connection. Nothing a real service does can be
 * faster on this machine, so dividing a service's figures by these gives a ratio that survives a
 * noisy or slower machine. Only {@code Content-Length} bodies: the bench's client sends nothing else.
 */
public final class EchoServer implements AutoCloseable {

    private static final byte[] HEAD =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final Thread acceptor;

    private EchoServer(ServerSocket server) {
        this.server = server;
        this.acceptor = Thread.ofPlatform().name("echo-accept").daemon().start(this::accept);
    }

    /** Listens on a free loopback port. */
    public static EchoServer start() throws IOException {
        return new EchoServer(new ServerSocket(0, 128, InetAddress.getLoopbackAddress()));
    }

    public String host() {
        return server.getInetAddress().getHostAddress();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                Thread.ofPlatform().name("echo-" + socket.getPort()).daemon().start(() -> serve(socket));
            } catch (IOException e) {
                // closed: the loop ends
            }
        }
    }

    private static void serve(Socket socket) {
        try (socket;
                InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024)) {
            while (true) {
                String requestLine = line(in);
                if (requestLine == null) {
                    return;
                }
                int length = 0;
                boolean close = false;
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    String lower = header.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring(15).trim());
                    } else if (lower.startsWith("connection:") && lower.contains("close")) {
                        close = true;
                    }
                }
                byte[] body = in.readNBytes(length);
                out.write(HEAD);
                out.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
                out.write('\r');
                out.write('\n');
                out.write('\r');
                out.write('\n');
                out.write(body);
                out.flush();
                if (close) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away or spoke something else: drop the connection
        }
    }

    /** A line without its CRLF; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c == -1) {
                return null;
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
