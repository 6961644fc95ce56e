package dev.ignis.eventsource.poller;

import dev.ignis.contracts.invoke.InvokeAnswer;

/** {@code LastProcessingResult} values, worded as Lambda words them for its pollers. */
public final class ProcessingResults {

    public static final String OK = "OK";
    /** What a mapping says before its first batch, as the registry words it for a new one. */
    public static final String NO_RECORDS = "No records processed";

    public static final String FUNCTION_FAILED = "PROBLEM: Function call failed.";
    public static final String THROTTLED = "PROBLEM: Function call throttled.";
    public static final String FUNCTION_UNAVAILABLE = "PROBLEM: Function could not be invoked.";
    public static final String CONNECTION_ERROR =
            "PROBLEM: Connection error. Please check your event source connection configuration.";
    public static final String SASL_FAILED = "PROBLEM: SASL authentication failed.";
    public static final String NOT_AUTHORIZED = "PROBLEM: Cluster failed to authorize Lambda.";
    public static final String TOPIC_NOT_FOUND = "PROBLEM: Topic not found.";
    public static final String NO_POLLER = "PROBLEM: This Ignis release has no poller for this kind of event source.";

    private ProcessingResults() {}

    /** A batch's invoke answer in Lambda's words: every poller reports it the same way. */
    public static String of(InvokeAnswer answer) {
        if (answer.succeeded()) {
            return OK;
        }
        if (answer.functionError() != null) {
            return FUNCTION_FAILED;
        }
        return answer.status() == 429 ? THROTTLED : FUNCTION_UNAVAILABLE;
    }
}
