package dev.ignis.registry.eventsource;

import static dev.ignis.registry.api.LambdaApiException.invalidParameter;
import static dev.ignis.registry.api.LambdaApiException.validation;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceKind;
import dev.ignis.registry.api.Constraints;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.eventsource.EventSourceMappingApi.CreateRequest;
import dev.ignis.registry.eventsource.EventSourceMappingApi.Filter;
import dev.ignis.registry.eventsource.EventSourceMappingApi.Settings;
import dev.ignis.registry.eventsource.EventSourceMappingApi.SourceAccessConfiguration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.event.ruler.JsonRuleCompiler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * AWS's checks on event source mapping requests: the model's ranges and patterns are a
 * {@code ValidationException}; a setting the source kind does not take, or a combination Lambda
 * refuses, an {@code InvalidParameterValueException}. Also the per-source defaults.
 */
final class MappingRules {

    static final String KAFKA_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    static final String REPORT_BATCH_ITEM_FAILURES = "ReportBatchItemFailures";
    private static final List<String> STARTING_POSITIONS = List.of("TRIM_HORIZON", "LATEST", "AT_TIMESTAMP");
    private static final List<String> ACCESS_TYPES = List.of(
            "BASIC_AUTH",
            "VPC_SUBNET",
            "VPC_SECURITY_GROUP",
            "SASL_SCRAM_512_AUTH",
            "SASL_SCRAM_256_AUTH",
            "CLIENT_CERTIFICATE_TLS_AUTH",
            "SERVER_ROOT_CA_CERTIFICATE",
            "VIRTUAL_HOST");
    private static final String ARN_PATTERN =
            "arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}(-gov)?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)";
    /** The model's pattern for OnFailure destinations: an ARN, or a topic of a Kafka mapping's cluster. */
    private static final String DESTINATION_PATTERN =
            "$|kafka://([^.]([a-zA-Z0-9\\-_.]{0,248}))|arn:(aws[a-zA-Z0-9-]*):"
                    + "([a-zA-Z0-9\\-])+:((eusc-)?[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)";

    static final String KAFKA_DESTINATION = "kafka://";
    private static final Pattern SERVER = Pattern.compile(
            "(([a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9\\-]*[a-zA-Z0-9])\\.)*([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9\\-]*[A-Za-z0-9]):[0-9]{1,5}");
    private static final String TOPIC_PATTERN = "^[^.]([a-zA-Z0-9\\-_.]+)";
    private static final String GROUP_PATTERN = "[a-zA-Z0-9-\\/*:_+=.@-]*";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_FILTERS = 5;

    private MappingRules() {}

    /** Which poller a new mapping needs: a self-managed Kafka source, or by its ARN's service. */
    static SourceKind kindOf(CreateRequest request) {
        if (request.selfManagedEventSource() != null) {
            if (request.eventSourceArn() != null) {
                throw invalidParameter("Unrecognized event source.");
            }
            return SourceKind.KAFKA;
        }
        String arn = request.eventSourceArn();
        if (arn == null) {
            throw invalidParameter("Unrecognized event source.");
        }
        if (arn.length() > 1024 || !arn.matches(ARN_PATTERN)) {
            throw validation(arn, "eventSourceArn", "Member must satisfy regular expression pattern: " + ARN_PATTERN);
        }
        return switch (arn.split(":")[2]) {
            case "sqs" -> SourceKind.SQS;
            case "kinesis" -> SourceKind.KINESIS;
            default ->
                throw invalidParameter("Unsupported event source: " + arn
                        + ". Ignis maps SQS queues, Kinesis streams and self-managed Kafka topics.");
        };
    }

    /** The model's ranges and the settings a kind of source does not take. */
    static void checkSettings(SourceKind kind, Settings s) {
        Constraints.range(s.batchSize(), "batchSize", 1, 10_000);
        Constraints.range(s.maximumBatchingWindowInSeconds(), "maximumBatchingWindowInSeconds", 0, 300);
        Constraints.range(s.parallelizationFactor(), "parallelizationFactor", 1, 10);
        Constraints.range(s.maximumRetryAttempts(), "maximumRetryAttempts", -1, 10_000);
        Constraints.range(s.maximumRecordAgeInSeconds(), "maximumRecordAgeInSeconds", -1, 604_800);
        if (s.maximumRecordAgeInSeconds() != null
                && s.maximumRecordAgeInSeconds() >= 0
                && s.maximumRecordAgeInSeconds() < 60) {
            throw invalidParameter("MaximumRecordAgeInSeconds must be -1 or between 60 and 604800.");
        }
        if (s.scalingConfig() != null) {
            Constraints.range(s.scalingConfig().maximumConcurrency(), "scalingConfig.maximumConcurrency", 2, 1000);
        }
        checkResponseTypes(s.functionResponseTypes());
        checkFilters(s);
        checkDestination(s);
        checkAccess(s.sourceAccessConfigurations());
        switch (kind) {
            case SQS ->
                refuse(
                        s.parallelizationFactor(), "ParallelizationFactor",
                        s.bisectBatchOnFunctionError(), "BisectBatchOnFunctionError",
                        s.maximumRetryAttempts(), "MaximumRetryAttempts",
                        s.maximumRecordAgeInSeconds(), "MaximumRecordAgeInSeconds",
                        s.destinationConfig(), "DestinationConfig",
                        s.sourceAccessConfigurations(), "SourceAccessConfigurations");
            case KINESIS ->
                refuse(
                        s.scalingConfig(), "ScalingConfig",
                        s.sourceAccessConfigurations(), "SourceAccessConfigurations");
            case KAFKA ->
                // AWS documents no itemIdentifier for Kafka partial batch responses: refused until it does.
                refuse(
                        s.parallelizationFactor(), "ParallelizationFactor",
                        s.scalingConfig(), "ScalingConfig",
                        s.functionResponseTypes(), "FunctionResponseTypes");
        }
        String destination = onFailure(s);
        if (kind != SourceKind.KAFKA && destination != null && destination.startsWith(KAFKA_DESTINATION)) {
            throw invalidParameter("Unsupported DestinationConfig parameter for given event source mapping type.");
        }
    }

    /**
     * A Kafka topic OnFailure destination must be on the source's cluster and not its source topic,
     * which would feed the failures back to the function (AWS: "Lambda prevents infinite loops").
     */
    static void checkKafkaDestination(Settings s, String sourceTopic) {
        String destination = onFailure(s);
        if (destination != null
                && destination.startsWith(KAFKA_DESTINATION)
                && destination.substring(KAFKA_DESTINATION.length()).equals(sourceTopic)) {
            throw invalidParameter("The OnFailure destination topic " + sourceTopic
                    + " is the event source mapping's own topic: records given up would be delivered again.");
        }
    }

    private static String onFailure(Settings s) {
        if (s.destinationConfig() == null || s.destinationConfig().onFailure() == null) {
            return null;
        }
        return s.destinationConfig().onFailure().destination();
    }

    /** What only CreateEventSourceMapping carries: where to start, and a Kafka source's address. */
    static void checkCreate(SourceKind kind, CreateRequest r) {
        if (r.startingPosition() != null && !STARTING_POSITIONS.contains(r.startingPosition())) {
            throw validation(
                    r.startingPosition(),
                    "startingPosition",
                    "Member must satisfy enum value set: " + STARTING_POSITIONS);
        }
        if (kind == SourceKind.SQS) {
            if (r.startingPosition() != null || r.startingPositionTimestamp() != null) {
                throw invalidParameter("StartingPosition is not valid for SQS event sources.");
            }
            refuse(r.topics(), "Topics", r.selfManagedKafkaEventSourceConfig(), "SelfManagedKafkaEventSourceConfig");
            return;
        }
        if (r.startingPosition() == null) {
            throw invalidParameter("1 validation error detected: Value null at 'startingPosition' failed to satisfy"
                    + " constraint: Member must not be null.");
        }
        boolean atTimestamp = r.startingPosition().equals("AT_TIMESTAMP");
        if (atTimestamp != (r.startingPositionTimestamp() != null)) {
            throw invalidParameter(
                    "StartingPositionTimestamp must be given with StartingPosition AT_TIMESTAMP, and only then.");
        }
        if (kind == SourceKind.KINESIS) {
            refuse(r.topics(), "Topics", r.selfManagedKafkaEventSourceConfig(), "SelfManagedKafkaEventSourceConfig");
        } else {
            checkKafka(r);
        }
    }

    /** Batches over 10 messages need a window to gather them in (AWS's rule for SQS). */
    static void checkSqsBatching(int batchSize, Integer window) {
        if (batchSize > 10 && (window == null || window == 0)) {
            throw invalidParameter(
                    "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        }
    }

    static int defaultBatchSize(SourceKind kind) {
        return kind == SourceKind.SQS ? 10 : 100;
    }

    /** The servers as given, checked; the caller knows the map has the one key. */
    static List<String> servers(CreateRequest r) {
        return r.selfManagedEventSource().endpoints().get(KAFKA_SERVERS);
    }

    private static void checkKafka(CreateRequest r) {
        Map<String, List<String>> endpoints = r.selfManagedEventSource().endpoints();
        if (endpoints == null || endpoints.size() != 1 || !endpoints.containsKey(KAFKA_SERVERS)) {
            throw validation(
                    endpoints == null ? null : endpoints.keySet(),
                    "selfManagedEventSource.endpoints",
                    "Map keys must satisfy constraint: [Member must satisfy enum value set: [" + KAFKA_SERVERS + "]]");
        }
        List<String> servers = endpoints.get(KAFKA_SERVERS);
        if (servers == null || servers.isEmpty() || servers.size() > 10) {
            throw validation(
                    servers,
                    "selfManagedEventSource.endpoints",
                    "Map value must satisfy constraint: [Member must have length less than or equal to 10, Member"
                            + " must have length greater than or equal to 1]");
        }
        for (String server : servers) {
            if (server == null
                    || server.length() > 300
                    || !SERVER.matcher(server).matches()) {
                throw validation(
                        servers,
                        "selfManagedEventSource.endpoints",
                        "Map value must satisfy constraint: [Member must satisfy regular expression pattern: "
                                + SERVER.pattern() + "]");
            }
        }
        List<String> topics = r.topics();
        if (topics == null || topics.isEmpty()) {
            throw invalidParameter("Topics must contain exactly one topic.");
        }
        if (topics.size() > 1) {
            throw validation(topics, "topics", "Member must have length less than or equal to 1");
        }
        String topic = topics.getFirst();
        if (topic == null || topic.isEmpty() || topic.length() > 249 || !topic.matches(TOPIC_PATTERN)) {
            throw validation(
                    topics,
                    "topics",
                    "Member must satisfy constraint: [Member must satisfy regular expression pattern: " + TOPIC_PATTERN
                            + "]");
        }
        if (r.selfManagedKafkaEventSourceConfig() != null) {
            String group = r.selfManagedKafkaEventSourceConfig().consumerGroupId();
            if (group != null && (group.isEmpty() || group.length() > 200 || !group.matches(GROUP_PATTERN))) {
                throw validation(
                        group,
                        "selfManagedKafkaEventSourceConfig.consumerGroupId",
                        "Member must satisfy regular expression pattern: " + GROUP_PATTERN);
            }
        }
    }

    private static void checkResponseTypes(List<String> types) {
        if (types == null) {
            return;
        }
        if (types.size() > 1) {
            throw validation(types, "functionResponseTypes", "Member must have length less than or equal to 1");
        }
        if (!types.isEmpty() && !REPORT_BATCH_ITEM_FAILURES.equals(types.getFirst())) {
            throw validation(
                    types,
                    "functionResponseTypes",
                    "Member must satisfy constraint: [Member must satisfy enum value set: ["
                            + REPORT_BATCH_ITEM_FAILURES + "]]");
        }
    }

    /**
     * Each pattern must be a JSON object in the EventBridge pattern language, as AWS's own
     * compiler of it (event-ruler) reads it, of at most 4,096 characters; at most five of them.
     */
    private static void checkFilters(Settings s) {
        if (s.filterCriteria() == null || s.filterCriteria().filters() == null) {
            return;
        }
        List<Filter> filters = s.filterCriteria().filters();
        if (filters.size() > MAX_FILTERS) {
            throw invalidParameter("The maximum number of filters is " + MAX_FILTERS + ".");
        }
        for (Filter filter : filters) {
            String pattern = filter == null ? null : filter.pattern();
            if (pattern == null
                    || pattern.isEmpty()
                    || pattern.length() > 4096
                    || !isJsonObject(pattern)
                    || JsonRuleCompiler.check(pattern) != null) {
                throw invalidParameter("Invalid filter pattern definition.");
            }
        }
    }

    private static boolean isJsonObject(String pattern) {
        try {
            JsonNode node = JSON.readTree(pattern);
            return node != null && node.isObject();
        } catch (JacksonException e) {
            return false;
        }
    }

    private static void checkDestination(Settings s) {
        if (s.destinationConfig() == null) {
            return;
        }
        if (s.destinationConfig().onSuccess() != null
                && s.destinationConfig().onSuccess().destination() != null) {
            throw invalidParameter("Unsupported DestinationConfig parameter for given event source mapping type.");
        }
        var onFailure = s.destinationConfig().onFailure();
        if (onFailure != null
                && onFailure.destination() != null
                && !onFailure.destination().matches(DESTINATION_PATTERN)) {
            throw validation(
                    onFailure.destination(),
                    "destinationConfig.onFailure.destination",
                    "Member must satisfy regular expression pattern: " + DESTINATION_PATTERN);
        }
    }

    private static void checkAccess(List<SourceAccessConfiguration> access) {
        if (access == null) {
            return;
        }
        if (access.size() > 22) {
            throw validation(
                    access.size(), "sourceAccessConfigurations", "Member must have length less than or equal to 22");
        }
        for (SourceAccessConfiguration a : access) {
            if (a == null || !ACCESS_TYPES.contains(a.type())) {
                throw validation(
                        a == null ? null : a.type(),
                        "sourceAccessConfigurations.type",
                        "Member must satisfy enum value set: " + ACCESS_TYPES);
            }
            if (a.uri() == null || a.uri().isEmpty() || a.uri().length() > 200) {
                throw validation(
                        a.uri(),
                        "sourceAccessConfigurations.uri",
                        "Member must have length less than or equal to 200, Member must have length greater than or"
                                + " equal to 1");
            }
        }
    }

    /** Pairs of (value, parameter name): the first value present is refused, as AWS does. */
    private static void refuse(Object... valuesAndNames) {
        for (int i = 0; i < valuesAndNames.length; i += 2) {
            if (valuesAndNames[i] != null) {
                throw unsupported((String) valuesAndNames[i + 1]);
            }
        }
    }

    static LambdaApiException unsupported(String parameter) {
        return invalidParameter("Unsupported '" + parameter + "' parameter for given event source mapping type.");
    }
}
