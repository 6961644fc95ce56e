package dev.ignis.contracts.invoke;

/** The HTTP headers of the Invoke API as callers inside the platform send and read them. */
public final class InvokeHeaders {

    public static final String INVOCATION_TYPE = "X-Amz-Invocation-Type";
    public static final String CLIENT_CONTEXT = "X-Amz-Client-Context";
    public static final String TRACE_ID = "X-Amzn-Trace-Id";
    public static final String LOG_TYPE = "X-Amz-Log-Type";

    /**
     * The request id a platform caller chose (an async event keeps the id its 202 returned). Only
     * platform callers may send it: the gateway removes it from what users send.
     */
    public static final String PLATFORM_REQUEST_ID = "X-Ignis-Request-Id";

    public static final String REQUEST_ID = "x-amzn-RequestId";
    public static final String EXECUTED_VERSION = "X-Amz-Executed-Version";
    public static final String FUNCTION_ERROR = "X-Amz-Function-Error";
    public static final String LOG_RESULT = "X-Amz-Log-Result";
    /** A service error's {@code LambdaErrorType} code. */
    public static final String ERROR_TYPE = "x-amzn-ErrorType";

    private InvokeHeaders() {}
}
