package dev.ignis.registry.scheduler;

import dev.ignis.contracts.arn.LambdaArns;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.contracts.registry.ScheduleSnapshot;
import dev.ignis.registry.config.RegistryProperties;
import dev.ignis.registry.outbox.ChangeLog;
import dev.ignis.registry.outbox.WireJson;
import dev.ignis.registry.scheduler.SchedulerApi.ScheduleRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Schedules in the default group. Every change records a {@link ResourceType#SCHEDULE} change with
 * the whole schedule in the same transaction; DeleteSchedule records its tombstone.
 * event-source-service fires from those.
 */
@Service
class ScheduleService {

    private final ScheduleRepository schedules;
    private final ChangeLog changes;
    private final JsonMapper json;
    private final Clock clock;
    private final String region;
    private final String accountId;

    ScheduleService(
            ScheduleRepository schedules,
            ChangeLog changes,
            WireJson wireJson,
            Clock clock,
            RegistryProperties properties) {
        this.schedules = schedules;
        this.changes = changes;
        this.json = wireJson.mapper();
        this.clock = clock;
        this.region = properties.region();
        this.accountId = properties.accountId();
    }

    /**
     * CreateSchedule. A second call with the name and ClientToken of an existing schedule is the
     * same request retried: it answers that schedule's ARN and changes nothing.
     */
    @Transactional
    String create(String name, ScheduleRequest request) {
        Instant now = now();
        ScheduleRules.check(name, request, now);
        checkGroup(request.groupName());
        ScheduleEntity existing = schedules.findById(name).orElse(null);
        if (existing != null) {
            if (request.clientToken() != null && request.clientToken().equals(existing.clientToken)) {
                return arn(existing);
            }
            throw SchedulerApiException.exists(name);
        }
        ScheduleEntity schedule = new ScheduleEntity();
        schedule.name = name;
        schedule.groupName = ScheduleRules.DEFAULT_GROUP;
        schedule.creationDate = now;
        schedule.scheduledSince = now;
        schedule.activeSince = now;
        apply(schedule, request);
        schedule.clientToken = request.clientToken();
        save(schedule, now);
        return arn(schedule);
    }

    /**
     * UpdateSchedule: every setting is replaced, what the call omits reset to its default (as AWS
     * documents). New times (expression, zone, StartDate) restart the schedule; enabling a disabled
     * one makes it fire from now on.
     */
    @Transactional
    String update(String name, ScheduleRequest request) {
        Instant now = now();
        ScheduleRules.check(name, request, now);
        checkGroup(request.groupName());
        ScheduleEntity schedule = find(name);
        String timezone = timezone(request);
        Instant start = SchedulerJson.instant(request.startDate());
        if (!schedule.scheduleExpression.equals(request.scheduleExpression())
                || !schedule.timezone.equals(timezone)
                || !Objects.equals(schedule.startDate, start)) {
            schedule.scheduledSince = now;
            schedule.activeSince = now;
        } else if (!schedule.state.equals(ScheduleSnapshot.ENABLED)
                && state(request).equals(ScheduleSnapshot.ENABLED)) {
            schedule.activeSince = now;
        }
        apply(schedule, request);
        save(schedule, now);
        return arn(schedule);
    }

    @Transactional(readOnly = true)
    ScheduleSnapshot get(String name, String group) {
        ScheduleRules.checkOptionalName(group, "groupName");
        checkGroup(group);
        return snapshot(find(name));
    }

    @Transactional
    void delete(String name, String group) {
        ScheduleRules.checkOptionalName(group, "groupName");
        checkGroup(group);
        ScheduleEntity schedule = find(name);
        schedules.delete(schedule);
        changes.deleted(ResourceType.SCHEDULE, arn(schedule));
    }

    /** ListSchedules: by name, filtered by prefix and state. */
    @Transactional(readOnly = true)
    List<ScheduleSnapshot> list(String prefix, String state, String group) {
        ScheduleRules.checkOptionalName(prefix, "namePrefix");
        ScheduleRules.checkOptionalName(group, "groupName");
        checkGroup(group);
        return schedules.findByNameStartingWithOrderByNameAsc(prefix == null ? "" : prefix).stream()
                .filter(s -> state == null || s.state.equals(state))
                .map(this::snapshot)
                .toList();
    }

    private void apply(ScheduleEntity schedule, ScheduleRequest request) {
        schedule.scheduleExpression = request.scheduleExpression();
        schedule.timezone = timezone(request);
        schedule.startDate = SchedulerJson.instant(request.startDate());
        schedule.endDate = SchedulerJson.instant(request.endDate());
        schedule.state = state(request);
        schedule.description = request.description();
        schedule.flexibleMode = request.flexibleTimeWindow().mode();
        schedule.flexibleWindowMinutes = request.flexibleTimeWindow().maximumWindowInMinutes();
        schedule.target = json.writeValueAsString(SchedulerMapping.target(request.target()));
        schedule.actionAfterCompletion =
                request.actionAfterCompletion() == null ? "NONE" : request.actionAfterCompletion();
    }

    private void save(ScheduleEntity schedule, Instant now) {
        schedule.lastModified = now;
        schedules.save(schedule);
        changes.changed(ResourceType.SCHEDULE, arn(schedule), null, snapshot(schedule));
    }

    ScheduleSnapshot snapshot(ScheduleEntity schedule) {
        return new ScheduleSnapshot(
                schedule.name,
                schedule.groupName,
                arn(schedule),
                schedule.scheduleExpression,
                schedule.timezone,
                schedule.startDate,
                schedule.endDate,
                schedule.state,
                schedule.description,
                new ScheduleSnapshot.FlexibleTimeWindow(schedule.flexibleMode, schedule.flexibleWindowMinutes),
                json.readValue(schedule.target, ScheduleSnapshot.Target.class),
                schedule.actionAfterCompletion,
                schedule.scheduledSince,
                schedule.activeSince,
                schedule.creationDate,
                schedule.lastModified);
    }

    private ScheduleEntity find(String name) {
        ScheduleRules.checkName(name, "name");
        return schedules.findById(name).orElseThrow(() -> SchedulerApiException.notFound(name));
    }

    /** Ignis has the default group only (no CreateScheduleGroup). */
    private static void checkGroup(String group) {
        if (group != null && !group.equals(ScheduleRules.DEFAULT_GROUP)) {
            throw SchedulerApiException.groupNotFound(group);
        }
    }

    private static String timezone(ScheduleRequest request) {
        return request.scheduleExpressionTimezone() == null ? ScheduleRules.UTC : request.scheduleExpressionTimezone();
    }

    private static String state(ScheduleRequest request) {
        return request.state() == null ? ScheduleSnapshot.ENABLED : request.state();
    }

    /** Milliseconds, as the database keeps them, so a snapshot reads the same before and after a reload. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private String arn(ScheduleEntity schedule) {
        return LambdaArns.schedule(region, accountId, schedule.groupName, schedule.name);
    }
}
