package dev.ignis.eventsource.schedule;

import dev.ignis.contracts.internal.InternalCredential;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes completed schedules through the registry's own DeleteSchedule
 * ({@code DELETE /schedules/{name}?groupName=…}), with the internal credential, in the background.
 * A 404 means the user deleted it first: nothing to do.
 */
final class RegistryScheduleDeleter implements CompletedSchedules {

    private static final Logger log = LoggerFactory.getLogger(RegistryScheduleDeleter.class);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI registry;
    private final InternalCredential credential;

    RegistryScheduleDeleter(URI registry, InternalCredential credential) {
        this.registry = registry;
        this.credential = credential;
    }

    @Override
    public void completed(ScheduledSchedule schedule) {
        String path = "/schedules/" + encode(schedule.schedule().name()) + "?groupName="
                + encode(schedule.schedule().groupName());
        HttpRequest request = HttpRequest.newBuilder(registry.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header(InternalCredential.HEADER, credential.headerValue())
                .DELETE()
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
            if (failure != null) {
                log.warn("Cannot delete completed schedule {} ({})", schedule.arn(), failure.toString());
            } else if (answer.statusCode() != 200 && answer.statusCode() != 404) {
                log.warn(
                        "The registry refused to delete completed schedule {}: {}",
                        schedule.arn(),
                        answer.statusCode());
            }
        });
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
