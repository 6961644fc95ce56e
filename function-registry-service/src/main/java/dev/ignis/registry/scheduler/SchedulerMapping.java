package dev.ignis.registry.scheduler;

import dev.ignis.contracts.registry.ScheduleSnapshot;
import dev.ignis.registry.scheduler.SchedulerApi.DeadLetterConfig;
import dev.ignis.registry.scheduler.SchedulerApi.FlexibleTimeWindow;
import dev.ignis.registry.scheduler.SchedulerApi.GetScheduleResponse;
import dev.ignis.registry.scheduler.SchedulerApi.RetryPolicy;
import dev.ignis.registry.scheduler.SchedulerApi.ScheduleSummary;
import dev.ignis.registry.scheduler.SchedulerApi.Target;
import dev.ignis.registry.scheduler.SchedulerApi.TargetSummary;

/** The Scheduler API's one mapping each way: request target → snapshot, snapshot → answers. */
final class SchedulerMapping {

    /** What GetSchedule shows when the target set no RetryPolicy: AWS's defaults (24 hours, 185 retries). */
    static final RetryPolicy DEFAULT_RETRY = new RetryPolicy(86_400, 185);

    private SchedulerMapping() {}

    static ScheduleSnapshot.Target target(Target target) {
        RetryPolicy retry = target.retryPolicy();
        return new ScheduleSnapshot.Target(
                target.arn(),
                target.roleArn(),
                target.input(),
                retry == null
                        ? null
                        : new ScheduleSnapshot.RetryPolicy(
                                retry.maximumEventAgeInSeconds(), retry.maximumRetryAttempts()),
                target.deadLetterConfig() == null
                        ? null
                        : target.deadLetterConfig().arn());
    }

    static GetScheduleResponse get(ScheduleSnapshot schedule) {
        ScheduleSnapshot.Target target = schedule.target();
        ScheduleSnapshot.RetryPolicy retry = target.retryPolicy();
        return new GetScheduleResponse(
                schedule.actionAfterCompletion(),
                schedule.arn(),
                SchedulerJson.seconds(schedule.creationDate()),
                schedule.description(),
                SchedulerJson.seconds(schedule.endDate()),
                new FlexibleTimeWindow(
                        schedule.flexibleTimeWindow().mode(),
                        schedule.flexibleTimeWindow().maximumWindowInMinutes()),
                schedule.groupName(),
                SchedulerJson.seconds(schedule.lastModified()),
                schedule.name(),
                schedule.scheduleExpression(),
                schedule.timezone(),
                SchedulerJson.seconds(schedule.startDate()),
                schedule.state(),
                new Target(
                        target.arn(),
                        target.roleArn(),
                        target.input(),
                        retry == null
                                ? DEFAULT_RETRY
                                : new RetryPolicy(
                                        retry.maximumEventAgeInSeconds() == null
                                                ? DEFAULT_RETRY.maximumEventAgeInSeconds()
                                                : retry.maximumEventAgeInSeconds(),
                                        retry.maximumRetryAttempts() == null
                                                ? DEFAULT_RETRY.maximumRetryAttempts()
                                                : retry.maximumRetryAttempts()),
                        target.deadLetterArn() == null ? null : new DeadLetterConfig(target.deadLetterArn()),
                        null,
                        null,
                        null,
                        null,
                        null));
    }

    static ScheduleSummary summary(ScheduleSnapshot schedule) {
        return new ScheduleSummary(
                schedule.arn(),
                SchedulerJson.seconds(schedule.creationDate()),
                schedule.groupName(),
                SchedulerJson.seconds(schedule.lastModified()),
                schedule.name(),
                schedule.state(),
                new TargetSummary(schedule.target().arn()));
    }
}
