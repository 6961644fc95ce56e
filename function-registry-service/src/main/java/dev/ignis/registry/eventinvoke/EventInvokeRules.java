package dev.ignis.registry.eventinvoke;

import static dev.ignis.registry.api.LambdaApiException.validation;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.arn.InvalidArnException;
import dev.ignis.registry.api.Constraints;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.eventinvoke.EventInvokeApi.Destination;
import dev.ignis.registry.eventinvoke.EventInvokeApi.DestinationConfig;
import dev.ignis.registry.eventinvoke.EventInvokeApi.EventInvokeConfigRequest;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * AWS's checks on an event invoke config: the model's ranges and ARN pattern (ValidationException),
 * then the semantic rules on destinations (InvalidParameterValueException), in AWS's wording.
 */
final class EventInvokeRules {

    static final int MAX_RETRY_ATTEMPTS = 2;
    static final int MIN_EVENT_AGE = 60;
    static final int MAX_EVENT_AGE = 21_600;
    private static final String DESTINATION =
            "^$|arn:(aws[a-zA-Z0-9-]*):([a-zA-Z0-9\\-])+:([a-z]{2}((-gov)|(-iso(b?)))?-[a-z]+-\\d{1})?:(\\d{12})?:(.*)";
    private static final Pattern DESTINATION_PATTERN = Pattern.compile(DESTINATION);
    // Ignis adds "kafka": arn:aws:kafka:<region>:<account>:topic/<topic-name> (async-queue-service README).
    private static final List<String> SUCCESS_SERVICES = List.of("lambda", "sns", "sqs", "events", "kafka");
    private static final List<String> FAILURE_SERVICES = List.of("lambda", "sns", "sqs", "events", "s3", "kafka");

    private EventInvokeRules() {}

    /** The model's constraints, then AWS's "at least one setting" rule. */
    static void checkRequest(EventInvokeConfigRequest request) {
        Constraints.range(request.maximumRetryAttempts(), "maximumRetryAttempts", 0, MAX_RETRY_ATTEMPTS);
        Constraints.range(request.maximumEventAgeInSeconds(), "maximumEventAgeInSeconds", MIN_EVENT_AGE, MAX_EVENT_AGE);
        DestinationConfig destinations = request.destinationConfig();
        if (destinations != null) {
            checkPattern(destinationOf(destinations.onSuccess()), "destinationConfig.onSuccess.destination");
            checkPattern(destinationOf(destinations.onFailure()), "destinationConfig.onFailure.destination");
        }
        if (request.maximumRetryAttempts() == null
                && request.maximumEventAgeInSeconds() == null
                && destinations == null) {
            throw LambdaApiException.invalidParameter(
                    "You must specify at least one of error handling or destination setting.");
        }
    }

    /**
     * A destination names a supported service; a function destination must exist and may not be
     * the configured function itself.
     */
    static void checkDestinations(
            DestinationConfig destinations, String functionName, Predicate<String> functionExists) {
        if (destinations == null) {
            return;
        }
        String success = blankToNull(destinationOf(destinations.onSuccess()));
        String failure = blankToNull(destinationOf(destinations.onFailure()));
        boolean supported = (success == null || supported(success, SUCCESS_SERVICES, functionName, functionExists))
                && (failure == null || supported(failure, FAILURE_SERVICES, functionName, functionExists));
        if (!supported) {
            throw LambdaApiException.invalidParameter("The provided destination config DestinationConfig(onSuccess="
                    + (success == null ? "null" : "OnSuccess(destination=" + success + ")") + ", onFailure="
                    + (failure == null ? "null" : "OnFailure(destination=" + failure + ")") + ") is invalid.");
        }
    }

    static String destinationOf(Destination destination) {
        return destination == null ? null : destination.destination();
    }

    static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean supported(
            String arn, List<String> services, String functionName, Predicate<String> functionExists) {
        String service = arn.split(":", -1)[2];
        if (!services.contains(service)) {
            return false;
        }
        if (service.equals("lambda")) {
            String target = destinationFunction(arn);
            if (target == null || !functionExists.test(target)) {
                throw LambdaApiException.invalidParameter("The destination ARN " + arn + " is invalid.");
            }
            if (target.equals(functionName)) {
                throw LambdaApiException.invalidParameter(
                        "You can't specify the function as a destination for itself.");
            }
        }
        return true;
    }

    private static String destinationFunction(String arn) {
        try {
            return FunctionRef.parse(arn).functionName();
        } catch (InvalidArnException e) {
            return null;
        }
    }

    private static void checkPattern(String arn, String field) {
        if (arn == null) {
            return;
        }
        if (arn.length() > 350) {
            throw validation(arn, field, "Member must have length less than or equal to 350");
        }
        if (!DESTINATION_PATTERN.matcher(arn).matches()) {
            throw validation(arn, field, "Member must satisfy regular expression pattern: " + DESTINATION);
        }
    }
}
