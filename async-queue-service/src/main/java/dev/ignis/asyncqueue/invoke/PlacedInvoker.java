package dev.ignis.asyncqueue.invoke;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.invocation.AsyncInvocation;
import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.contracts.invoke.InvokeCall;
import dev.ignis.contracts.invoke.InvokeFailure;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workers' {@link FunctionInvoker}: the shared {@link InvocationClient} (placement ring,
 * spill, failures read back by fault), with the event's own request id on every try.
 */
public final class PlacedInvoker implements FunctionInvoker {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final InvocationClient client;

    public PlacedInvoker(InvocationClient client) {
        this.client = client;
    }

    @Override
    public InvokeOutcome invoke(AsyncInvocation event) {
        InvokeAnswer answer = client.invoke(new InvokeCall(
                FunctionRef.parse(event.functionArn()),
                event.payload().getBytes(StandardCharsets.UTF_8),
                event.requestId(),
                event.clientContextBase64(),
                event.traceId()));
        String version = answer.executedVersion() == null ? "$LATEST" : answer.executedVersion();
        if (answer.failure().isEmpty() || answer.functionError() != null) {
            return new InvokeOutcome.Ran(version, answer.payload(), answer.functionError());
        }
        InvokeFailure failure = answer.failure().get();
        return new InvokeOutcome.Refused(
                answer.status(), failure.errorType(), message(answer.payload()), failure.retriability());
    }

    /** A service error's body is {@code {"Type","message"}}. */
    private static String message(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node.path("message").asString(node.path("Message").asString(""));
        } catch (JacksonException e) {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
