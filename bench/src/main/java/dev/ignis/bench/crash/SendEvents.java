package dev.ignis.bench.crash;

import dev.ignis.bench.driver.RawHttpClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The crash test's sender (bench/crash-async.sh): {@code events} Event invokes of one function,
 * {@code {"seq":n}} each, by 16 keep-alive clients straight to async-queue-service on this machine's
 * loopback; the seq of every event answered 202 is written to {@code acked}. An event that got no
 * 202 (the service was down, or answered otherwise) is sent again, as a client of Lambda retries,
 * for up to {@link #GIVE_UP}: every event is then in flight across the crash, and one that was
 * taken but not answered may run twice (a duplicate, which at least once allows).
 *
 * <p>Usage: {@code SendEvents <port> <function> <events> <acked-file>}.
 */
public final class SendEvents {

    private static final int CLIENTS = 16;

    /** How long one event is sent again while it gets no 202 (a restart takes well under it). */
    private static final Duration GIVE_UP = Duration.ofMinutes(3);

    private SendEvents() {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String path = "/2015-03-31/functions/" + args[1] + "/invocations";
        int events = Integer.parseInt(args[2]);
        AtomicInteger next = new AtomicInteger();
        try (PrintWriter acked = new PrintWriter(Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8))) {
            List<Thread> clients = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(Thread.ofPlatform().start(() -> send(port, path, events, next, acked)));
            }
            for (Thread client : clients) {
                client.join();
            }
        }
    }

    private static void send(int port, String path, int events, AtomicInteger next, PrintWriter acked) {
        RawHttpClient client = new RawHttpClient("127.0.0.1", port);
        for (int seq = next.getAndIncrement(); seq < events; seq = next.getAndIncrement()) {
            byte[] body = ("{\"seq\":" + seq + "}").getBytes(StandardCharsets.UTF_8);
            long deadline = System.nanoTime() + GIVE_UP.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    if (client.post(path, "X-Amz-Invocation-Type: Event\r\n", body)
                                    .status()
                            == 202) {
                        synchronized (acked) {
                            acked.println(seq);
                        }
                        break;
                    }
                } catch (IOException e) {
                    // Not acknowledged; a new connection for the next try.
                    client.close();
                    client = new RawHttpClient("127.0.0.1", port);
                }
                pause();
            }
        }
        client.close();
    }

    /** While the service is down, do not spin through the events. */
    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
