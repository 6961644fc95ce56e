package dev.ignis.registry.scheduler;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * EventBridge Scheduler's requests and answers (REST-JSON, PascalCase on the wire through
 * {@link SchedulerJson}); only the members Ignis reads or writes, unknown ones ignored. Timestamps
 * are epoch seconds with a fraction, as REST-JSON writes them.
 */
final class SchedulerApi {

    private SchedulerApi() {}

    /** CreateSchedule's and UpdateSchedule's body (the name is in the path). */
    record ScheduleRequest(
            String scheduleExpression,
            String scheduleExpressionTimezone,
            BigDecimal startDate,
            BigDecimal endDate,
            String state,
            String description,
            FlexibleTimeWindow flexibleTimeWindow,
            Target target,
            String actionAfterCompletion,
            String groupName,
            String clientToken,
            String kmsKeyArn) {}

    record FlexibleTimeWindow(String mode, Integer maximumWindowInMinutes) {}

    /**
     * A target. The parameters of other kinds of target are read only to refuse them.
     */
    record Target(
            String arn,
            String roleArn,
            String input,
            RetryPolicy retryPolicy,
            DeadLetterConfig deadLetterConfig,
            JsonNode ecsParameters,
            JsonNode eventBridgeParameters,
            JsonNode kinesisParameters,
            JsonNode sageMakerPipelineParameters,
            JsonNode sqsParameters) {}

    record RetryPolicy(Integer maximumEventAgeInSeconds, Integer maximumRetryAttempts) {}

    record DeadLetterConfig(String arn) {}

    record ScheduleArnResponse(String scheduleArn) {}

    record GetScheduleResponse(
            String actionAfterCompletion,
            String arn,
            BigDecimal creationDate,
            String description,
            BigDecimal endDate,
            FlexibleTimeWindow flexibleTimeWindow,
            String groupName,
            BigDecimal lastModificationDate,
            String name,
            String scheduleExpression,
            String scheduleExpressionTimezone,
            BigDecimal startDate,
            String state,
            Target target) {}

    record TargetSummary(String arn) {}

    record ScheduleSummary(
            String arn,
            BigDecimal creationDate,
            String groupName,
            BigDecimal lastModificationDate,
            String name,
            String state,
            TargetSummary target) {}

    record ListSchedulesResponse(List<ScheduleSummary> schedules, String nextToken) {}
}
