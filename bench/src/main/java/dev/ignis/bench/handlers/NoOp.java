package dev.ignis.bench.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;

/** The java21 no-op function of the benchmarks: answers {@code {}} without looking at the event. */
public class NoOp implements RequestStreamHandler {

    private static final byte[] EMPTY = {'{', '}'};

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws java.io.IOException {
        output.write(EMPTY);
    }
}
