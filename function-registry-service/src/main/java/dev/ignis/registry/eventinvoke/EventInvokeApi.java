package dev.ignis.registry.eventinvoke;

import java.math.BigDecimal;
import java.util.List;

/** The event invoke config operations' shapes (2019-09-25), as the Lambda API names their fields. */
final class EventInvokeApi {

    private EventInvokeApi() {}

    /** Put replaces the whole configuration; Update changes only the members it carries. */
    record EventInvokeConfigRequest(
            Integer maximumRetryAttempts, Integer maximumEventAgeInSeconds, DestinationConfig destinationConfig) {}

    record DestinationConfig(Destination onSuccess, Destination onFailure) {}

    /** OnSuccess or OnFailure: the ARN of a queue, topic, event bus or function; absent when none. */
    record Destination(String destination) {}

    /** LastModified is a timestamp in epoch seconds, as the JSON protocol carries timestamps. */
    record FunctionEventInvokeConfig(
            BigDecimal lastModified,
            String functionArn,
            Integer maximumRetryAttempts,
            Integer maximumEventAgeInSeconds,
            DestinationConfig destinationConfig) {}

    record ListFunctionEventInvokeConfigsResponse(
            List<FunctionEventInvokeConfig> functionEventInvokeConfigs, String nextMarker) {}
}
