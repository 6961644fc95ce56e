package dev.ignis.eventsource.invoke;

import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.contracts.invoke.BlockingInvoker;
import dev.ignis.contracts.invoke.InvokeAnswer;
import dev.ignis.contracts.invoke.InvokeCall;
import dev.ignis.contracts.placement.ReplicaRing;
import java.time.Duration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pollers' one way to reach a function: platform-contracts' {@link BlockingInvoker} on the shared
 * ring (owner first, the next replica after a 429), each answer's failure read back into
 * {@code LambdaErrorType} with its fault and retriability.
 */
public class InvocationClient implements FunctionInvoker {

    private final JsonMapper json = JsonMapper.builder().build();
    private final BlockingInvoker invoker;

    /** Without the internal credential: for a stack whose invocation-service does not require it (tests). */
    public InvocationClient(ReplicaRing ring, Duration timeout) {
        this.invoker = new BlockingInvoker(ring, timeout, this::errorType);
    }

    /** Every invoke carries the internal credential: invocation-service accepts nobody else in a cluster. */
    public InvocationClient(ReplicaRing ring, Duration timeout, InternalCredential credential) {
        this.invoker = new BlockingInvoker(ring, timeout, this::errorType, credential);
    }

    @Override
    public InvokeAnswer invoke(InvokeCall call) {
        return invoker.invoke(call);
    }

    private String errorType(byte[] body) {
        try {
            return json.readTree(body).path("errorType").asString();
        } catch (JacksonException e) {
            return null;
        }
    }
}
