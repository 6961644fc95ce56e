package dev.ignis.registry.eventsource;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceKind;
import dev.ignis.registry.api.Pages;
import dev.ignis.registry.eventsource.EventSourceMappingApi.CreateRequest;
import dev.ignis.registry.eventsource.EventSourceMappingApi.Destination;
import dev.ignis.registry.eventsource.EventSourceMappingApi.DestinationConfig;
import dev.ignis.registry.eventsource.EventSourceMappingApi.EventSourceMappingConfiguration;
import dev.ignis.registry.eventsource.EventSourceMappingApi.Filter;
import dev.ignis.registry.eventsource.EventSourceMappingApi.FilterCriteria;
import dev.ignis.registry.eventsource.EventSourceMappingApi.ListEventSourceMappingsResponse;
import dev.ignis.registry.eventsource.EventSourceMappingApi.ScalingConfig;
import dev.ignis.registry.eventsource.EventSourceMappingApi.SelfManagedEventSource;
import dev.ignis.registry.eventsource.EventSourceMappingApi.SelfManagedKafkaEventSourceConfig;
import dev.ignis.registry.eventsource.EventSourceMappingApi.SourceAccessConfiguration;
import dev.ignis.registry.eventsource.EventSourceMappingApi.UpdateRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Create/Get/Update/Delete/ListEventSourceMappings (2015-03-31). Create, Update and Delete answer
 * 202 with the mapping in its transitional state, as AWS does.
 */
@RestController
@RequestMapping("/2015-03-31/event-source-mappings")
@Tag(name = "Event source mappings")
class EventSourceMappingController {

    private static final String NO_RECORDS = "No records processed";

    private final EventSourceMappingService mappings;

    EventSourceMappingController(EventSourceMappingService mappings) {
        this.mappings = mappings;
    }

    @Operation(summary = "CreateEventSourceMapping")
    @PostMapping({"", "/"})
    ResponseEntity<EventSourceMappingConfiguration> create(@RequestBody CreateRequest request) {
        return accepted(mappings.create(request));
    }

    @Operation(summary = "GetEventSourceMapping")
    @GetMapping("/{uuid}")
    EventSourceMappingConfiguration get(@PathVariable String uuid) {
        return view(mappings.get(uuid));
    }

    @Operation(summary = "UpdateEventSourceMapping")
    @PutMapping("/{uuid}")
    ResponseEntity<EventSourceMappingConfiguration> update(
            @PathVariable String uuid, @RequestBody UpdateRequest request) {
        return accepted(mappings.update(uuid, request));
    }

    @Operation(summary = "DeleteEventSourceMapping")
    @DeleteMapping("/{uuid}")
    ResponseEntity<EventSourceMappingConfiguration> delete(@PathVariable String uuid) {
        return accepted(mappings.delete(uuid));
    }

    @Operation(summary = "ListEventSourceMappings")
    @GetMapping({"", "/"})
    ListEventSourceMappingsResponse list(
            @RequestParam(name = "FunctionName", required = false) String functionName,
            @RequestParam(name = "EventSourceArn", required = false) String eventSourceArn,
            @RequestParam(name = "Marker", required = false) String marker,
            @RequestParam(name = "MaxItems", required = false, defaultValue = "100") int maxItems) {
        Pages.checkMaxItems(maxItems, 10_000);
        var page = Pages.of(
                        mappings.list(functionName, eventSourceArn, marker, maxItems + 1),
                        maxItems,
                        EventSourceMappingSnapshot::uuid)
                .map(EventSourceMappingController::view);
        return new ListEventSourceMappingsResponse(page.nextMarker(), page.items());
    }

    private static ResponseEntity<EventSourceMappingConfiguration> accepted(EventSourceMappingSnapshot m) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(view(m));
    }

    /** AWS shows the members that apply to the mapping's kind of source, and leaves out the rest. */
    static EventSourceMappingConfiguration view(EventSourceMappingSnapshot m) {
        SourceKind kind = m.sourceKind();
        boolean stream = kind == SourceKind.KINESIS;
        var kafka = m.kafka();
        List<String> responseTypes =
                m.reportBatchItemFailures() ? List.of(MappingRules.REPORT_BATCH_ITEM_FAILURES) : List.of();
        DestinationConfig destination = stream || m.onFailureDestination() != null
                ? new DestinationConfig(null, new Destination(m.onFailureDestination()))
                : null;
        return new EventSourceMappingConfiguration(
                m.uuid(),
                m.mappingArn(),
                m.startingPosition(),
                seconds(m.startingPositionTimestamp()),
                m.batchSize(),
                m.maximumBatchingWindowInSeconds(),
                m.parallelizationFactor(),
                m.eventSourceArn(),
                m.filterPatterns().isEmpty()
                        ? null
                        : new FilterCriteria(
                                m.filterPatterns().stream().map(Filter::new).toList()),
                m.functionArn(),
                seconds(m.lastModified()),
                m.lastProcessingResult() != null
                        ? m.lastProcessingResult()
                        : (kind == SourceKind.SQS ? null : NO_RECORDS),
                m.state(),
                m.stateTransitionReason(),
                destination,
                kafka == null ? null : kafka.topics(),
                kafka == null || kafka.sourceAccessConfigurations().isEmpty()
                        ? null
                        : kafka.sourceAccessConfigurations().stream()
                                .map(a -> new SourceAccessConfiguration(a.type(), a.uri()))
                                .toList(),
                kafka == null
                        ? null
                        : new SelfManagedEventSource(Map.of(MappingRules.KAFKA_SERVERS, kafka.bootstrapServers())),
                m.maximumRecordAgeInSeconds(),
                m.bisectBatchOnFunctionError(),
                m.maximumRetryAttempts(),
                kind == SourceKind.KAFKA ? null : responseTypes,
                kafka == null ? null : new SelfManagedKafkaEventSourceConfig(kafka.consumerGroupId()),
                m.maximumConcurrency() == null ? null : new ScalingConfig(m.maximumConcurrency()));
    }

    private static BigDecimal seconds(Instant instant) {
        return instant == null ? null : BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }
}
