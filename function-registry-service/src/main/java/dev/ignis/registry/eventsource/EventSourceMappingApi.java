package dev.ignis.registry.eventsource;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The event source mapping operations' shapes (2015-03-31), as the Lambda API names their fields.
 * Timestamps are epoch seconds, as the JSON protocol carries them. A null member of an update means
 * "leave unchanged".
 */
final class EventSourceMappingApi {

    private EventSourceMappingApi() {}

    record CreateRequest(
            String functionName,
            String eventSourceArn,
            Boolean enabled,
            Integer batchSize,
            FilterCriteria filterCriteria,
            Integer maximumBatchingWindowInSeconds,
            Integer parallelizationFactor,
            String startingPosition,
            BigDecimal startingPositionTimestamp,
            DestinationConfig destinationConfig,
            Integer maximumRecordAgeInSeconds,
            Boolean bisectBatchOnFunctionError,
            Integer maximumRetryAttempts,
            List<String> topics,
            List<SourceAccessConfiguration> sourceAccessConfigurations,
            SelfManagedEventSource selfManagedEventSource,
            List<String> functionResponseTypes,
            SelfManagedKafkaEventSourceConfig selfManagedKafkaEventSourceConfig,
            ScalingConfig scalingConfig)
            implements Settings {}

    record UpdateRequest(
            String functionName,
            Boolean enabled,
            Integer batchSize,
            FilterCriteria filterCriteria,
            Integer maximumBatchingWindowInSeconds,
            DestinationConfig destinationConfig,
            Integer maximumRecordAgeInSeconds,
            Boolean bisectBatchOnFunctionError,
            Integer maximumRetryAttempts,
            Integer parallelizationFactor,
            List<SourceAccessConfiguration> sourceAccessConfigurations,
            List<String> functionResponseTypes,
            ScalingConfig scalingConfig)
            implements Settings {}

    /** The members Create and Update share, checked alike. */
    interface Settings {
        Integer batchSize();

        FilterCriteria filterCriteria();

        Integer maximumBatchingWindowInSeconds();

        DestinationConfig destinationConfig();

        Integer maximumRecordAgeInSeconds();

        Boolean bisectBatchOnFunctionError();

        Integer maximumRetryAttempts();

        Integer parallelizationFactor();

        List<SourceAccessConfiguration> sourceAccessConfigurations();

        List<String> functionResponseTypes();

        ScalingConfig scalingConfig();
    }

    record FilterCriteria(List<Filter> filters) {}

    record Filter(String pattern) {}

    record DestinationConfig(Destination onSuccess, Destination onFailure) {}

    record Destination(String destination) {}

    record SourceAccessConfiguration(String type, @JsonProperty("URI") String uri) {}

    /** {@code Endpoints} has one key, {@code KAFKA_BOOTSTRAP_SERVERS}. */
    record SelfManagedEventSource(Map<String, List<String>> endpoints) {}

    record SelfManagedKafkaEventSourceConfig(String consumerGroupId) {}

    record ScalingConfig(Integer maximumConcurrency) {}

    record EventSourceMappingConfiguration(
            @JsonProperty("UUID") String uuid,
            String eventSourceMappingArn,
            String startingPosition,
            BigDecimal startingPositionTimestamp,
            Integer batchSize,
            Integer maximumBatchingWindowInSeconds,
            Integer parallelizationFactor,
            String eventSourceArn,
            FilterCriteria filterCriteria,
            String functionArn,
            BigDecimal lastModified,
            String lastProcessingResult,
            String state,
            String stateTransitionReason,
            DestinationConfig destinationConfig,
            List<String> topics,
            List<SourceAccessConfiguration> sourceAccessConfigurations,
            SelfManagedEventSource selfManagedEventSource,
            Integer maximumRecordAgeInSeconds,
            Boolean bisectBatchOnFunctionError,
            Integer maximumRetryAttempts,
            List<String> functionResponseTypes,
            SelfManagedKafkaEventSourceConfig selfManagedKafkaEventSourceConfig,
            ScalingConfig scalingConfig) {}

    record ListEventSourceMappingsResponse(
            String nextMarker, List<EventSourceMappingConfiguration> eventSourceMappings) {}
}
