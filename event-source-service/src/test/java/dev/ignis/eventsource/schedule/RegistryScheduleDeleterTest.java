package dev.ignis.eventsource.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.contracts.registry.ScheduleSnapshot;
import dev.ignis.contracts.schedule.ScheduleExpression;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A completed schedule is deleted through the registry's DeleteSchedule, against a real HTTP server. */
class RegistryScheduleDeleterTest {

    record Call(String method, String uri, String credential) {}

    final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    final HttpServer registry = started();

    @AfterEach
    void stop() {
        registry.stop(0);
    }

    @Test
    void deletesTheScheduleInItsGroupWithTheInternalCredential() throws Exception {
        InternalCredential credential = InternalCredential.of("s3cret");
        var deleter = new RegistryScheduleDeleter(
                URI.create("http://127.0.0.1:" + registry.getAddress().getPort()), credential);
        ScheduleSnapshot snapshot =
                Schedules.schedule("once.more", "at(2030-01-01T00:00:00)", "UTC", Instant.now(), "f", null);

        deleter.completed(new ScheduledSchedule(
                snapshot, ScheduleExpression.parseForScheduler(snapshot.scheduleExpression()), ZoneId.of("UTC")));

        Call call = calls.poll(10, TimeUnit.SECONDS);
        assertThat(call).isNotNull();
        assertThat(call.method()).isEqualTo("DELETE");
        assertThat(call.uri()).isEqualTo("/schedules/once.more?groupName=default");
        assertThat(call.credential()).isEqualTo(credential.headerValue());
    }

    private HttpServer started() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                calls.add(new Call(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().toString(),
                        exchange.getRequestHeaders().getFirst(InternalCredential.HEADER)));
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
