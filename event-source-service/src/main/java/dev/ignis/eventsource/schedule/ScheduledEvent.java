package dev.ignis.eventsource.schedule;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The event a schedule rule sends, exactly as EventBridge writes it:
 * {@code {"version":"0","id","detail-type":"Scheduled Event","source":"aws.events","account","time","region","resources":[rule arn],"detail":{}}},
 * {@code time} being the scheduled time (not when it was sent), in whole seconds.
 */
final class ScheduledEvent {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private ScheduledEvent() {}

    static String json(String eventId, String accountId, String region, String ruleArn, Instant fireTime) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "0");
        event.put("id", eventId);
        event.put("detail-type", "Scheduled Event");
        event.put("source", "aws.events");
        event.put("account", accountId);
        event.put("time", TIME.format(fireTime));
        event.put("region", region);
        event.put("resources", List.of(ruleArn));
        event.put("detail", Map.of());
        return JSON.writeValueAsString(event);
    }
}
