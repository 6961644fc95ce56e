package dev.ignis.registry;

import static dev.ignis.registry.Lambdas.ARN;
import static dev.ignis.registry.Lambdas.assertAwsError;
import static dev.ignis.registry.Lambdas.assertAwsErrorContaining;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.lambda.model.CreateEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.ListEventSourceMappingsResponse;
import software.amazon.awssdk.services.lambda.model.SourceAccessType;
import tools.jackson.databind.JsonNode;

/**
 * Event source mappings through the AWS SDK: each kind of source with its defaults, the state
 * machine seen through GetEventSourceMapping and on the changes topic, updates, listing and the
 * bad inputs AWS refuses. A transitional state moves on only when a poller reports what it reached:
 * this test plays event-source-service's part on the registry's real status endpoint.
 */
class EventSourceMappingsIT extends RegistryIT {

    private static final String QUEUE = "arn:aws:sqs:us-east-1:000000000000:orders";
    private static final String OTHER_QUEUE = "arn:aws:sqs:us-east-1:000000000000:refunds";
    private static final String STREAM = "arn:aws:kinesis:us-east-1:000000000000:stream/clicks";
    private static final String SECRET = "arn:aws:secretsmanager:us-east-1:000000000000:secret:kafka";
    private static final String MAPPING_ARN = "arn:aws:lambda:us-east-1:000000000000:event-source-mapping:";

    @Test
    void anSqsMappingWalksThroughItsStatesOnGetAndOnTheTopic() {
        lambda.createFunction(FunctionApiIT.create("consumer").build());
        Instant before = Instant.now().minusSeconds(1);

        CreateEventSourceMappingResponse created =
                lambda.createEventSourceMapping(b -> b.functionName("consumer").eventSourceArn(QUEUE));
        String uuid = created.uuid();
        assertThat(created.state()).isEqualTo("Creating");
        assertThat(created.stateTransitionReason()).isEqualTo("USER_INITIATED");
        assertThat(created.eventSourceMappingArn()).isEqualTo(MAPPING_ARN + uuid);
        assertThat(created.functionArn()).isEqualTo(ARN + "consumer");
        assertThat(created.eventSourceArn()).isEqualTo(QUEUE);
        assertThat(created.batchSize()).isEqualTo(10);
        assertThat(created.maximumBatchingWindowInSeconds()).isZero();
        assertThat(created.functionResponseTypes()).isEmpty();
        assertThat(created.startingPosition()).isNull();
        assertThat(created.parallelizationFactor()).isNull();
        assertThat(created.lastModified()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).state()).isEqualTo("Creating");
        assertThat(awaitState(uuid, "Enabled").stateTransitionReason()).isEqualTo("USER_INITIATED");

        var disabling = lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(false));
        assertThat(disabling.state()).isEqualTo("Disabling");
        awaitState(uuid, "Disabled");
        var updating = lambda.updateEventSourceMapping(b -> b.uuid(uuid)
                .batchSize(50)
                .maximumBatchingWindowInSeconds(5)
                .functionResponseTypesWithStrings("ReportBatchItemFailures")
                .scalingConfig(s -> s.maximumConcurrency(5))
                .filterCriteria(f -> f.filters(p -> p.pattern("{\"body\":{\"kind\":[\"order\"]}}"))));
        assertThat(updating.state()).isEqualTo("Updating");
        assertThat(updating.batchSize()).isEqualTo(50);
        assertThat(updating.functionResponseTypesAsStrings()).containsExactly("ReportBatchItemFailures");
        assertThat(updating.scalingConfig().maximumConcurrency()).isEqualTo(5);
        assertThat(updating.filterCriteria().filters().getFirst().pattern())
                .isEqualTo("{\"body\":{\"kind\":[\"order\"]}}");
        GetEventSourceMappingResponse settled = awaitState(uuid, "Disabled");
        assertThat(settled.maximumBatchingWindowInSeconds())
                .as("an update keeps what it carries")
                .isEqualTo(5);

        var deleting = lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
        assertThat(deleting.state()).isEqualTo("Deleting");
        awaitGone(uuid);

        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(MAPPING_ARN + uuid, 8);
            assertThat(records.subList(0, 7))
                    .extracting(
                            r -> Lambdas.value(r).path("snapshot").path("state").asString())
                    .containsExactly(
                            "Creating", "Enabled", "Disabling", "Disabled", "Updating", "Disabled", "Deleting");
            assertThat(records.get(7).value()).as("tombstone").isNull();
            JsonNode change = Lambdas.value(records.get(5));
            assertThat(change.path("type").asString()).isEqualTo("EVENT_SOURCE_MAPPING");
            JsonNode snapshot = change.path("snapshot");
            assertThat(snapshot.path("sourceKind").asString()).isEqualTo("SQS");
            assertThat(snapshot.path("eventSourceArn").asString()).isEqualTo(QUEUE);
            assertThat(snapshot.path("functionArn").asString()).isEqualTo(ARN + "consumer");
            assertThat(snapshot.path("enabled").asBoolean()).isFalse();
            assertThat(snapshot.path("batchSize").asInt()).isEqualTo(50);
            assertThat(snapshot.path("maximumBatchingWindowInSeconds").asInt()).isEqualTo(5);
            assertThat(snapshot.path("reportBatchItemFailures").asBoolean()).isTrue();
            assertThat(snapshot.path("maximumConcurrency").asInt()).isEqualTo(5);
            assertThat(snapshot.path("filterPatterns").get(0).asString())
                    .isEqualTo("{\"body\":{\"kind\":[\"order\"]}}");
        }
    }

    @Test
    void kinesisAndKafkaMappingsGetTheirOwnDefaults() {
        lambda.createFunction(FunctionApiIT.create("reader").build());
        lambda.publishVersion(b -> b.functionName("reader"));
        lambda.createAlias(b -> b.functionName("reader").name("live").functionVersion("1"));

        var kinesis = lambda.createEventSourceMapping(
                b -> b.functionName("reader:live").eventSourceArn(STREAM).startingPosition("LATEST"));
        assertThat(kinesis.functionArn()).isEqualTo(ARN + "reader:live");
        assertThat(kinesis.batchSize()).isEqualTo(100);
        assertThat(kinesis.startingPositionAsString()).isEqualTo("LATEST");
        assertThat(kinesis.parallelizationFactor()).isEqualTo(1);
        assertThat(kinesis.maximumRetryAttempts()).isEqualTo(-1);
        assertThat(kinesis.maximumRecordAgeInSeconds()).isEqualTo(-1);
        assertThat(kinesis.bisectBatchOnFunctionError()).isFalse();
        assertThat(kinesis.destinationConfig().onFailure().destination()).isNull();
        assertThat(kinesis.lastProcessingResult()).isEqualTo("No records processed");

        Instant from = Instant.parse("2026-01-02T03:04:05Z");
        var atTime = lambda.createEventSourceMapping(b -> b.functionName("reader")
                .eventSourceArn(STREAM)
                .startingPosition("AT_TIMESTAMP")
                .startingPositionTimestamp(from)
                .enabled(false)
                .bisectBatchOnFunctionError(true)
                .maximumRetryAttempts(3)
                .maximumRecordAgeInSeconds(3600)
                .parallelizationFactor(4)
                .destinationConfig(d -> d.onFailure(f -> f.destination("arn:aws:sqs:us-east-1:000000000000:dlq"))));
        assertThat(atTime.startingPositionTimestamp()).isEqualTo(from);
        assertThat(atTime.parallelizationFactor()).isEqualTo(4);
        assertThat(atTime.destinationConfig().onFailure().destination())
                .isEqualTo("arn:aws:sqs:us-east-1:000000000000:dlq");
        assertThat(awaitState(atTime.uuid(), "Disabled").maximumRetryAttempts()).isEqualTo(3);

        var kafkaMapping = lambda.createEventSourceMapping(b -> b.functionName("reader")
                .selfManagedEventSource(s -> s.endpointsWithStrings(
                        Map.of("KAFKA_BOOTSTRAP_SERVERS", List.of("broker-1:9092", "broker-2:9092"))))
                .topics("orders")
                .startingPosition("TRIM_HORIZON")
                .sourceAccessConfigurations(
                        a -> a.type(SourceAccessType.BASIC_AUTH).uri(SECRET)));
        assertThat(kafkaMapping.batchSize()).isEqualTo(100);
        assertThat(kafkaMapping.eventSourceArn()).isNull();
        assertThat(kafkaMapping.topics()).containsExactly("orders");
        assertThat(kafkaMapping.selfManagedEventSource().endpointsAsStrings().get("KAFKA_BOOTSTRAP_SERVERS"))
                .containsExactly("broker-1:9092", "broker-2:9092");
        assertThat(kafkaMapping.selfManagedKafkaEventSourceConfig().consumerGroupId())
                .as("the group defaults to the mapping's UUID")
                .isEqualTo(kafkaMapping.uuid());
        assertThat(kafkaMapping.sourceAccessConfigurations().getFirst().uri()).isEqualTo(SECRET);
        awaitState(kafkaMapping.uuid(), "Enabled");

        var grouped = lambda.createEventSourceMapping(b -> b.functionName("reader")
                .selfManagedEventSource(
                        s -> s.endpointsWithStrings(Map.of("KAFKA_BOOTSTRAP_SERVERS", List.of("broker-1:9092"))))
                .topics("payments")
                .startingPosition("LATEST")
                .selfManagedKafkaEventSourceConfig(c -> c.consumerGroupId("payments-group")));
        assertThat(grouped.selfManagedKafkaEventSourceConfig().consumerGroupId())
                .isEqualTo("payments-group");

        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            JsonNode snapshot = Lambdas.value(topic.awaitRecords(MAPPING_ARN + kafkaMapping.uuid(), 2)
                            .get(1))
                    .path("snapshot");
            assertThat(snapshot.path("state").asString()).isEqualTo("Enabled");
            assertThat(snapshot.path("sourceKind").asString()).isEqualTo("KAFKA");
            assertThat(snapshot.path("startingPosition").asString()).isEqualTo("TRIM_HORIZON");
            JsonNode kafkaSource = snapshot.path("kafka");
            assertThat(kafkaSource.path("bootstrapServers").toString())
                    .isEqualTo("[\"broker-1:9092\",\"broker-2:9092\"]");
            assertThat(kafkaSource.path("topics").get(0).asString()).isEqualTo("orders");
            assertThat(kafkaSource.path("consumerGroupId").asString()).isEqualTo(kafkaMapping.uuid());
            assertThat(kafkaSource
                            .path("sourceAccessConfigurations")
                            .get(0)
                            .path("type")
                            .asString())
                    .isEqualTo("BASIC_AUTH");
            JsonNode stream = Lambdas.value(
                            topic.awaitRecords(MAPPING_ARN + atTime.uuid(), 1).getFirst())
                    .path("snapshot");
            assertThat(Instant.parse(stream.path("startingPositionTimestamp").asString()))
                    .isEqualTo(from);
            assertThat(stream.path("onFailureDestination").asString())
                    .isEqualTo("arn:aws:sqs:us-east-1:000000000000:dlq");
            assertThat(stream.path("parallelizationFactor").asInt()).isEqualTo(4);
        }
    }

    @Test
    void kafkaMappingsTakeTheErrorHandlingControlsAndAKafkaTopicDestination() {
        lambda.createFunction(FunctionApiIT.create("kafka-errors").build());
        Map<String, List<String>> servers = Map.of("KAFKA_BOOTSTRAP_SERVERS", List.of("broker-1:9092"));

        var created = lambda.createEventSourceMapping(b -> b.functionName("kafka-errors")
                .selfManagedEventSource(s -> s.endpointsWithStrings(servers))
                .topics("orders")
                .startingPosition("TRIM_HORIZON")
                .maximumRetryAttempts(2)
                .maximumRecordAgeInSeconds(600)
                .bisectBatchOnFunctionError(true)
                .destinationConfig(d -> d.onFailure(f -> f.destination("kafka://orders-failed"))));
        assertThat(created.maximumRetryAttempts()).isEqualTo(2);
        assertThat(created.maximumRecordAgeInSeconds()).isEqualTo(600);
        assertThat(created.bisectBatchOnFunctionError()).isTrue();
        assertThat(created.destinationConfig().onFailure().destination()).isEqualTo("kafka://orders-failed");

        assertAwsError(
                () -> lambda.updateEventSourceMapping(b -> b.uuid(created.uuid())
                        .destinationConfig(d -> d.onFailure(f -> f.destination("kafka://orders")))),
                "InvalidParameterValueException",
                400,
                "The OnFailure destination topic orders is the event source mapping's own topic: records given up"
                        + " would be delivered again.");
        assertAwsError(
                () -> lambda.updateEventSourceMapping(
                        b -> b.uuid(created.uuid()).functionResponseTypesWithStrings("ReportBatchItemFailures")),
                "InvalidParameterValueException",
                400,
                "Unsupported 'FunctionResponseTypes' parameter for given event source mapping type.");
        assertAwsError(
                () -> lambda.createEventSourceMapping(b -> b.functionName("kafka-errors")
                        .eventSourceArn(STREAM)
                        .startingPosition("LATEST")
                        .destinationConfig(d -> d.onFailure(f -> f.destination("kafka://orders-failed")))),
                "InvalidParameterValueException",
                400,
                "Unsupported DestinationConfig parameter for given event source mapping type.");

        var updated = lambda.updateEventSourceMapping(
                b -> b.uuid(created.uuid()).maximumRetryAttempts(-1).maximumRecordAgeInSeconds(-1));
        assertThat(updated.maximumRetryAttempts()).isEqualTo(-1);
        assertThat(updated.maximumRecordAgeInSeconds()).isEqualTo(-1);
        assertThat(updated.destinationConfig().onFailure().destination()).isEqualTo("kafka://orders-failed");
    }

    @Test
    void mappingsAreListedByFunctionAndSourceAPageAtATime() {
        lambda.createFunction(FunctionApiIT.create("first").build());
        lambda.createFunction(FunctionApiIT.create("second").build());
        String a = lambda.createEventSourceMapping(b -> b.functionName("first").eventSourceArn(QUEUE))
                .uuid();
        String b2 = lambda.createEventSourceMapping(b -> b.functionName("first").eventSourceArn(OTHER_QUEUE))
                .uuid();
        String c = lambda.createEventSourceMapping(
                        b -> b.functionName(ARN + "second").eventSourceArn(QUEUE))
                .uuid();

        assertThat(lambda.listEventSourceMappings().eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid)
                .containsExactly(a, b2, c);
        assertThat(lambda.listEventSourceMappings(b -> b.functionName("first")).eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid)
                .containsExactly(a, b2);
        assertThat(lambda.listEventSourceMappings(b -> b.eventSourceArn(QUEUE)).eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid)
                .containsExactly(a, c);
        assertThat(lambda.listEventSourceMappings(b -> b.functionName("second").eventSourceArn(OTHER_QUEUE))
                        .eventSourceMappings())
                .isEmpty();

        ListEventSourceMappingsResponse page1 = lambda.listEventSourceMappings(b -> b.maxItems(2));
        assertThat(page1.eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid)
                .containsExactly(a, b2);
        ListEventSourceMappingsResponse page2 =
                lambda.listEventSourceMappings(b -> b.maxItems(2).marker(page1.nextMarker()));
        assertThat(page2.eventSourceMappings())
                .extracting(EventSourceMappingConfiguration::uuid)
                .containsExactly(c);
        assertThat(page2.nextMarker()).isNull();
    }

    @Test
    void deletingAFunctionDeletesItsMappings() {
        lambda.createFunction(FunctionApiIT.create("doomed").build());
        String uuid = lambda.createEventSourceMapping(
                        b -> b.functionName("doomed").eventSourceArn(QUEUE))
                .uuid();
        lambda.deleteFunction(b -> b.functionName("doomed"));

        assertAwsError(
                () -> lambda.getEventSourceMapping(b -> b.uuid(uuid)),
                "ResourceNotFoundException",
                404,
                "The resource you requested does not exist.");
        try (ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            assertThat(topic.awaitRecords(MAPPING_ARN + uuid, 2).get(1).value()).isNull();
        }
    }

    @Test
    void badInputsAreRefusedWithAwsErrorsAndWriteNothing() {
        lambda.createFunction(FunctionApiIT.create("strict").build());
        String existing = lambda.createEventSourceMapping(
                        b -> b.functionName("strict").eventSourceArn(QUEUE))
                .uuid();
        String stream = lambda.createEventSourceMapping(
                        b -> b.functionName("strict").eventSourceArn(STREAM).startingPosition("LATEST"))
                .uuid();

        for (String op : List.of("get", "update", "delete")) {
            assertAwsError(
                    () -> {
                        switch (op) {
                            case "get" -> lambda.getEventSourceMapping(b -> b.uuid("no-such-uuid"));
                            case "update" ->
                                lambda.updateEventSourceMapping(
                                        b -> b.uuid("no-such-uuid").batchSize(5));
                            default -> lambda.deleteEventSourceMapping(b -> b.uuid("no-such-uuid"));
                        }
                    },
                    "ResourceNotFoundException",
                    404,
                    "The resource you requested does not exist.");
        }
        assertAwsError(
                () -> lambda.createEventSourceMapping(
                        b -> b.functionName("ghost").eventSourceArn(OTHER_QUEUE)),
                "InvalidParameterValueException",
                400,
                "Function does not exist");
        assertAwsError(
                () -> lambda.createEventSourceMapping(
                        b -> b.functionName("strict:9").eventSourceArn(OTHER_QUEUE)),
                "InvalidParameterValueException",
                400,
                "Function does not exist");
        assertAwsError(
                () -> lambda.createEventSourceMapping(b ->
                        b.functionName("strict").eventSourceArn(OTHER_QUEUE).startingPosition("LATEST")),
                "InvalidParameterValueException",
                400,
                "StartingPosition is not valid for SQS event sources.");
        assertAwsError(
                () -> lambda.createEventSourceMapping(b ->
                        b.functionName("strict").eventSourceArn(OTHER_QUEUE).batchSize(20)),
                "InvalidParameterValueException",
                400,
                "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        assertAwsError(
                () -> lambda.createEventSourceMapping(b -> b.functionName("strict")
                        .eventSourceArn(OTHER_QUEUE)
                        .batchSize(10_001)
                        .maximumBatchingWindowInSeconds(1)),
                "ValidationException",
                400,
                "1 validation error detected: Value '10001' at 'batchSize' failed to satisfy constraint: Member must"
                        + " have value less than or equal to 10000");
        assertAwsErrorContaining(
                () -> lambda.createEventSourceMapping(b ->
                        b.functionName("strict").eventSourceArn(OTHER_QUEUE).maximumBatchingWindowInSeconds(301)),
                "ValidationException",
                400,
                "at 'maximumBatchingWindowInSeconds' failed to satisfy constraint");
        assertAwsError(
                () -> lambda.createEventSourceMapping(b ->
                        b.functionName("strict").eventSourceArn(OTHER_QUEUE).parallelizationFactor(2)),
                "InvalidParameterValueException",
                400,
                "Unsupported 'ParallelizationFactor' parameter for given event source mapping type.");
        assertAwsErrorContaining(
                () -> lambda.createEventSourceMapping(b -> b.functionName("strict")
                        .eventSourceArn(OTHER_QUEUE)
                        .scalingConfig(s -> s.maximumConcurrency(1))),
                "ValidationException",
                400,
                "at 'scalingConfig.maximumConcurrency' failed to satisfy constraint");
        assertAwsError(
                () -> lambda.createEventSourceMapping(b -> b.functionName("strict")
                        .eventSourceArn(OTHER_QUEUE)
                        .filterCriteria(f -> f.filters(p -> p.pattern("not json")))),
                "InvalidParameterValueException",
                400,
                "Invalid filter pattern definition.");
        assertAwsError(
                () -> lambda.createEventSourceMapping(b -> b.functionName("strict")
                        .eventSourceArn(OTHER_QUEUE)
                        .filterCriteria(f -> f.filters(p -> p.pattern("{\"body\":{\"kind\":\"order\"}}")))),
                "InvalidParameterValueException",
                400,
                "Invalid filter pattern definition.");
        assertAwsError(
                () -> lambda.createEventSourceMapping(b -> b.functionName("strict")
                        .eventSourceArn(OTHER_QUEUE)
                        .filterCriteria(f -> f.filters(p -> p.pattern("{\"body\":{\"n\":[{\"numeric\":[\"<\"]}]}}")))),
                "InvalidParameterValueException",
                400,
                "Invalid filter pattern definition.");
        String otherStream = "arn:aws:kinesis:us-east-1:000000000000:stream/other";
        assertAwsError(
                () -> lambda.createEventSourceMapping(
                        b -> b.functionName("strict").eventSourceArn(otherStream)),
                "InvalidParameterValueException",
                400,
                "1 validation error detected: Value null at 'startingPosition' failed to satisfy constraint: Member"
                        + " must not be null.");
        assertAwsError(
                () -> lambda.createEventSourceMapping(b -> b.functionName("strict")
                        .eventSourceArn(otherStream)
                        .startingPosition("LATEST")
                        .scalingConfig(s -> s.maximumConcurrency(5))),
                "InvalidParameterValueException",
                400,
                "Unsupported 'ScalingConfig' parameter for given event source mapping type.");
        assertAwsError(
                () -> lambda.createEventSourceMapping(b -> b.functionName("strict")
                        .eventSourceArn(otherStream)
                        .startingPosition("LATEST")
                        .maximumRecordAgeInSeconds(30)),
                "InvalidParameterValueException",
                400,
                "MaximumRecordAgeInSeconds must be -1 or between 60 and 604800.");
        assertAwsErrorContaining(
                () -> lambda.createEventSourceMapping(b -> b.functionName("strict")
                        .eventSourceArn(otherStream)
                        .startingPosition("LATEST")
                        .maximumRetryAttempts(10_001)),
                "ValidationException",
                400,
                "at 'maximumRetryAttempts' failed to satisfy constraint");
        assertAwsError(
                () -> lambda.createEventSourceMapping(b -> b.functionName("strict")
                        .eventSourceArn(otherStream)
                        .startingPosition("LATEST")
                        .destinationConfig(d -> d.onSuccess(s -> s.destination(OTHER_QUEUE)))),
                "InvalidParameterValueException",
                400,
                "Unsupported DestinationConfig parameter for given event source mapping type.");
        assertAwsError(
                () -> lambda.createEventSourceMapping(b -> b.functionName("strict")),
                "InvalidParameterValueException",
                400,
                "Unrecognized event source.");
        assertAwsError(
                () -> lambda.createEventSourceMapping(
                        b -> b.functionName("strict").eventSourceArn(QUEUE)),
                "ResourceConflictException",
                409,
                "An event source mapping with SQS arn (\" " + QUEUE + " \") and function (\" strict \") already"
                        + " exists. Please update or delete the existing mapping with UUID " + existing);
        assertAwsError(
                () -> lambda.createEventSourceMapping(
                        b -> b.functionName("strict").eventSourceArn(STREAM).startingPosition("TRIM_HORIZON")),
                "ResourceConflictException",
                409,
                "The event source arn (\" " + STREAM + " \") and function (\" strict \") provided mapping already"
                        + " exists. Please update or delete the existing mapping with UUID " + stream);
        assertAwsError(
                () -> lambda.updateEventSourceMapping(b -> b.uuid(existing).batchSize(11)),
                "InvalidParameterValueException",
                400,
                "Maximum batch window in seconds must be greater than 0 if maximum batch size is greater than 10");
        assertAwsError(
                () -> lambda.updateEventSourceMapping(b -> b.uuid(existing).bisectBatchOnFunctionError(true)),
                "InvalidParameterValueException",
                400,
                "Unsupported 'BisectBatchOnFunctionError' parameter for given event source mapping type.");

        assertThat(lambda.listEventSourceMappings().eventSourceMappings())
                .as("nothing half-written")
                .extracting(EventSourceMappingConfiguration::uuid)
                .containsExactly(existing, stream);
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(existing)).batchSize())
                .isEqualTo(10);
    }

    @Test
    void onlyAPollerMovesTheStateAndOnlyForTheConfigurationItRuns() {
        lambda.createFunction(FunctionApiIT.create("watched").build());
        var created = lambda.createEventSourceMapping(b -> b.functionName("watched")
                .selfManagedEventSource(
                        s -> s.endpointsWithStrings(Map.of("KAFKA_BOOTSTRAP_SERVERS", List.of("broker-1:9092"))))
                .topics("watched")
                .startingPosition("LATEST"));
        String uuid = created.uuid();
        String created1 = created.lastModified().toString();
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).state())
                .as("no poller has reported: still Creating")
                .isEqualTo("Creating");

        String problem = "PROBLEM: Connection error. Please check your event source connection configuration.";
        assertThat(report(uuid, created1, null, problem)).isEqualTo(204);
        var unreachable = lambda.getEventSourceMapping(b -> b.uuid(uuid));
        assertThat(unreachable.state()).isEqualTo("Creating");
        assertThat(unreachable.lastProcessingResult()).isEqualTo(problem);
        assertThat(unreachable.lastModified().toString())
                .as("a report is no change of the user's")
                .isEqualTo(created1);

        assertThat(report(uuid, created1, "Disabled", null))
                .as("the user asked for an enabled mapping")
                .isEqualTo(409);
        assertThat(report(uuid, created1, "Enabled", "OK")).isEqualTo(204);
        var enabled = lambda.getEventSourceMapping(b -> b.uuid(uuid));
        assertThat(enabled.state()).isEqualTo("Enabled");
        assertThat(enabled.lastProcessingResult()).isEqualTo("OK");

        lambda.updateEventSourceMapping(b -> b.uuid(uuid).batchSize(10));
        assertThat(report(uuid, created1, "Enabled", null))
                .as("a report about the configuration before the update")
                .isEqualTo(409);
        assertThat(lambda.getEventSourceMapping(b -> b.uuid(uuid)).state()).isEqualTo("Updating");
        assertThat(report(uuid, created1, "Creating", null)).isEqualTo(400);
        assertThat(report("00000000-0000-0000-0000-000000000000", created1, "Enabled", null))
                .isEqualTo(404);

        lambda.deleteEventSourceMapping(b -> b.uuid(uuid));
        assertThat(report(uuid, lastModified(uuid), "Enabled", null))
                .as("a late report never revives a deleted mapping")
                .isEqualTo(409);
        awaitGone(uuid);
    }

    /** Reports {@code state} as a poller that runs the mapping's current configuration would. */
    private GetEventSourceMappingResponse awaitState(String uuid, String state) {
        assertThat(report(uuid, lastModified(uuid), state, null)).isEqualTo(204);
        GetEventSourceMappingResponse current = lambda.getEventSourceMapping(b -> b.uuid(uuid));
        assertThat(current.state()).isEqualTo(state);
        assertThat(current.lastModified()).isCloseTo(Instant.now(), within(Duration.ofMinutes(1)));
        return current;
    }

    /** Reports the mapping's pollers stopped after its delete; it is gone at once. */
    private void awaitGone(String uuid) {
        assertThat(report(uuid, lastModified(uuid), "Deleted", null)).isEqualTo(204);
        assertThat(lambda.listEventSourceMappings().eventSourceMappings())
                .noneMatch(m -> m.uuid().equals(uuid));
    }

    private String lastModified(String uuid) {
        return lambda.getEventSourceMapping(b -> b.uuid(uuid)).lastModified().toString();
    }

    private int report(String uuid, String basedOn, String state, String lastProcessingResult) {
        String body = "{\"basedOn\":\"" + basedOn + "\""
                + (state == null ? "" : ",\"state\":\"" + state + "\"")
                + (lastProcessingResult == null ? "" : ",\"lastProcessingResult\":\"" + lastProcessingResult + "\"")
                + "}";
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                            + "/ignis/v1/event-source-mappings/" + uuid + "/status"))
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
