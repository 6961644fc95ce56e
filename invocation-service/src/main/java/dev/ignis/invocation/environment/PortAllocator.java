package dev.ignis.invocation.environment;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Loopback ports for Runtime API endpoints, from a configured range (the one range the sandbox's
 * firewall lets functions reach). Ports in use by anyone are skipped.
 */
public final class PortAllocator {

    private final int first;
    private final int size;
    private final AtomicInteger cursor;

    public PortAllocator(int first, int last) {
        this.first = first;
        this.size = last - first + 1;
        this.cursor = new AtomicInteger((int) (ProcessHandle.current().pid() % size));
    }

    ServerSocket bind() throws IOException {
        for (int attempt = 0; attempt < size; attempt++) {
            int port = first + Math.floorMod(cursor.getAndIncrement(), size);
            ServerSocket socket = new ServerSocket();
            try {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
                return socket;
            } catch (BindException e) {
                socket.close();
            }
        }
        throw new IOException("No free Runtime API port in " + first + "-" + (first + size - 1));
    }
}
