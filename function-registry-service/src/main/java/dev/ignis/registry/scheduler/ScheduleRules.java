package dev.ignis.registry.scheduler;

import dev.ignis.contracts.schedule.AtExpression;
import dev.ignis.contracts.schedule.InvalidScheduleExpressionException;
import dev.ignis.contracts.schedule.ScheduleExpression;
import dev.ignis.registry.scheduler.SchedulerApi.FlexibleTimeWindow;
import dev.ignis.registry.scheduler.SchedulerApi.ScheduleRequest;
import dev.ignis.registry.scheduler.SchedulerApi.Target;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * EventBridge Scheduler's constraints on a schedule: first the service model's (joined into one
 * {@code N validation errors detected: …} message, as AWS reports them), then the service's own
 * checks, then what Ignis cannot deliver. Pure: no state, no I/O.
 */
final class ScheduleRules {

    static final String DEFAULT_GROUP = "default";
    static final String UTC = "UTC";
    /** A recurring schedule's StartDate may lie this far in the past, no further. */
    private static final Duration START_DATE_PAST = Duration.ofMinutes(5);

    private static final String NAME_PATTERN = "^[0-9a-zA-Z-_.]+$";
    private static final String CLIENT_TOKEN_PATTERN = "^[a-zA-Z0-9-_]+$";
    private static final String ROLE_PATTERN = "^arn:aws(-[a-z]+)?:iam::\\d{12}:role\\/[\\w+=,.@\\/-]+$";
    private static final String DLQ_PATTERN = "^arn:aws(-[a-z]+)?:sqs:[a-z0-9\\-]+:\\d{12}:[a-zA-Z0-9\\-_]+$";
    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:aws[a-zA-Z-]*:lambda:[a-z0-9-]+:\\d{12}:function:[a-zA-Z0-9-_]{1,64}(:(\\$LATEST|[a-zA-Z0-9-_]{1,128}))?");
    private static final Set<String> STATES = Set.of("ENABLED", "DISABLED");
    private static final Set<String> MODES = Set.of("OFF", "FLEXIBLE");
    private static final Set<String> ACTIONS = Set.of("NONE", "DELETE");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ScheduleRules() {}

    /** A schedule's name in the path: the model's pattern and 1–64 characters. */
    static void checkName(String value, String field) {
        Violations violations = new Violations();
        violations.name(value, field, true);
        violations.throwIfAny();
    }

    /** A group name or name prefix, when given. */
    static void checkOptionalName(String value, String field) {
        Violations violations = new Violations();
        violations.name(value, field, false);
        violations.throwIfAny();
    }

    /** ListSchedules' State filter, when given. */
    static void checkState(String state) {
        Violations violations = new Violations();
        violations.oneOf(state, "state", STATES, "[ENABLED, DISABLED]");
        violations.throwIfAny();
    }

    /** CreateSchedule and UpdateSchedule. */
    static void check(String name, ScheduleRequest request, Instant now) {
        Violations violations = new Violations();
        violations.name(name, "name", true);
        violations.name(request.groupName(), "groupName", false);
        violations.length(request.scheduleExpression(), "scheduleExpression", 1, 256, true);
        violations.length(request.scheduleExpressionTimezone(), "scheduleExpressionTimezone", 1, 50, false);
        violations.length(request.description(), "description", 0, 512, false);
        violations.oneOf(request.state(), "state", STATES, "[ENABLED, DISABLED]");
        violations.oneOf(request.actionAfterCompletion(), "actionAfterCompletion", ACTIONS, "[NONE, DELETE]");
        violations.pattern(request.clientToken(), "clientToken", CLIENT_TOKEN_PATTERN, 64);
        checkWindow(request.flexibleTimeWindow(), violations);
        checkTarget(request.target(), violations);
        violations.throwIfAny();

        ScheduleExpression expression;
        try {
            expression = ScheduleExpression.parseForScheduler(request.scheduleExpression());
        } catch (InvalidScheduleExpressionException e) {
            throw SchedulerApiException.invalidExpression(request.scheduleExpression());
        }
        zone(request.scheduleExpressionTimezone());
        checkDates(request, expression, now);
        checkWindowMode(request.flexibleTimeWindow());
        checkDeliverable(request.target());
        if (request.kmsKeyArn() != null) {
            throw SchedulerApiException.validation("Ignis does not encrypt schedules: KmsKeyArn is not supported.");
        }
    }

    /** The IANA zone named, {@code UTC} when none is. */
    static ZoneId zone(String timezone) {
        if (timezone == null) {
            return ZoneId.of(UTC);
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw SchedulerApiException.validation("Invalid Timezone " + timezone + ".");
        }
    }

    private static void checkWindow(FlexibleTimeWindow window, Violations violations) {
        if (window == null) {
            violations.add(null, "flexibleTimeWindow", "Member must not be null");
            return;
        }
        if (window.mode() == null) {
            violations.add(null, "flexibleTimeWindow.mode", "Member must not be null");
        } else {
            violations.oneOf(window.mode(), "flexibleTimeWindow.mode", MODES, "[OFF, FLEXIBLE]");
        }
        violations.range(window.maximumWindowInMinutes(), "flexibleTimeWindow.maximumWindowInMinutes", 1, 1440);
    }

    private static void checkTarget(Target target, Violations violations) {
        if (target == null) {
            violations.add(null, "target", "Member must not be null");
            return;
        }
        violations.length(target.arn(), "target.arn", 1, 1600, true);
        if (target.roleArn() == null) {
            violations.add(null, "target.roleArn", "Member must not be null");
        } else {
            violations.pattern(target.roleArn(), "target.roleArn", ROLE_PATTERN, 1600);
        }
        violations.length(target.input(), "target.input", 1, Integer.MAX_VALUE, false);
        if (target.retryPolicy() != null) {
            violations.range(
                    target.retryPolicy().maximumEventAgeInSeconds(),
                    "target.retryPolicy.maximumEventAgeInSeconds",
                    60,
                    86400);
            violations.range(
                    target.retryPolicy().maximumRetryAttempts(), "target.retryPolicy.maximumRetryAttempts", 0, 185);
        }
        if (target.deadLetterConfig() != null) {
            violations.pattern(target.deadLetterConfig().arn(), "target.deadLetterConfig.arn", DLQ_PATTERN, 1600);
        }
    }

    private static void checkDates(ScheduleRequest request, ScheduleExpression expression, Instant now) {
        Instant start = SchedulerJson.instant(request.startDate());
        Instant end = SchedulerJson.instant(request.endDate());
        if (expression instanceof AtExpression) {
            return; // one-time schedules ignore StartDate and EndDate, as AWS documents
        }
        if (start != null && start.isBefore(now.minus(START_DATE_PAST))) {
            throw SchedulerApiException.validation("The StartDate you specify cannot be earlier than 5 minutes ago.");
        }
        if (end != null && !end.isAfter(now)) {
            throw SchedulerApiException.validation("The EndDate you specify cannot be earlier than the current time.");
        }
        if (start != null && end != null && !end.isAfter(start)) {
            throw SchedulerApiException.validation("The EndDate you specify must be later than the StartDate.");
        }
    }

    private static void checkWindowMode(FlexibleTimeWindow window) {
        boolean flexible = window.mode().equals("FLEXIBLE");
        if (flexible && window.maximumWindowInMinutes() == null) {
            throw SchedulerApiException.validation(
                    "MaximumWindowInMinutes must be specified when FlexibleTimeWindow Mode is FLEXIBLE.");
        }
        if (!flexible && window.maximumWindowInMinutes() != null) {
            throw SchedulerApiException.validation(
                    "MaximumWindowInMinutes cannot be specified when FlexibleTimeWindow Mode is OFF.");
        }
    }

    private static void checkDeliverable(Target target) {
        if (!FUNCTION_ARN.matcher(target.arn()).matches()
                || present(target.ecsParameters())
                || present(target.eventBridgeParameters())
                || present(target.kinesisParameters())
                || present(target.sageMakerPipelineParameters())
                || present(target.sqsParameters())) {
            throw SchedulerApiException.validation("Ignis delivers schedule targets to Lambda functions only.");
        }
        if (target.input() != null && !isJson(target.input())) {
            throw SchedulerApiException.validation("Input for a Lambda target must be well-formed JSON.");
        }
    }

    private static boolean present(JsonNode parameters) {
        return parameters != null && !parameters.isNull();
    }

    private static boolean isJson(String text) {
        try {
            JSON.readTree(text);
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    /** The model's constraint violations, in the order AWS lists them. */
    private static final class Violations {

        private final List<String> found = new ArrayList<>();

        void add(Object value, String field, String constraint) {
            found.add("Value " + (value == null ? "null" : "'" + value + "'") + " at '" + field
                    + "' failed to satisfy constraint: " + constraint);
        }

        void name(String value, String field, boolean required) {
            if (value == null) {
                if (required) {
                    add(null, field, "Member must not be null");
                }
                return;
            }
            pattern(value, field, NAME_PATTERN, 64);
            if (value.isEmpty()) {
                add(value, field, "Member must have length greater than or equal to 1");
            }
        }

        void pattern(String value, String field, String regex, int maxLength) {
            if (value == null) {
                return;
            }
            if (!Pattern.compile(regex).matcher(value).find()) {
                add(value, field, "Member must satisfy regular expression pattern: " + regex);
            }
            if (value.length() > maxLength) {
                add(value, field, "Member must have length less than or equal to " + maxLength);
            }
        }

        void length(String value, String field, int min, int max, boolean required) {
            if (value == null) {
                if (required) {
                    add(null, field, "Member must not be null");
                }
                return;
            }
            if (value.length() < min) {
                add(value, field, "Member must have length greater than or equal to " + min);
            }
            if (value.length() > max) {
                add(value, field, "Member must have length less than or equal to " + max);
            }
        }

        void range(Integer value, String field, int min, int max) {
            if (value == null) {
                return;
            }
            if (value < min) {
                add(value, field, "Member must have value greater than or equal to " + min);
            }
            if (value > max) {
                add(value, field, "Member must have value less than or equal to " + max);
            }
        }

        void oneOf(String value, String field, Set<String> allowed, String listed) {
            if (value != null && !allowed.contains(value)) {
                add(value, field, "Member must satisfy enum value set: " + listed);
            }
        }

        void throwIfAny() {
            if (!found.isEmpty()) {
                throw SchedulerApiException.violations(found);
            }
        }
    }
}
