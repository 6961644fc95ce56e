package dev.ignis.invocation.logs;

import dev.ignis.contracts.logs.FunctionLogLine;

/**
 * Where every function log line goes besides the invoke's tail. Contract: never blocks the
 * caller for I/O and never throws; a sink that cannot deliver drops and counts.
 */
public interface LogSink {

    void publish(FunctionLogLine line);
}
