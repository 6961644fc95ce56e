package dev.ignis.gateway.error;

import dev.ignis.contracts.error.LambdaErrorType;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's one mapping from failures to HTTP: every error, including a backend that is down,
 * slow or behind an open circuit, leaves as an AWS-shaped JSON error, never an HTML page or a stack
 * trace. Backend faults are {@code ServiceException}s (the SDKs retry 5xx): 502 unreachable,
 * 503 circuit open, 504 no answer in time, 500 anything unexpected.
 */
@Component
@Order(-2) // ahead of Boot's DefaultErrorWebExceptionHandler (-1), which this replaces
public class AwsErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(AwsErrorWebExceptionHandler.class);
    private static final String SERVICE = LambdaErrorType.SERVICE.code();

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(failure); // the status line is gone; only closing the connection is left
        }
        exchange.getResponse().getHeaders().clear();
        AwsError error = classify(failure, backendName(exchange));
        if (error.status() >= 500 && error.status() != 503) {
            log.warn(
                    "{} {} failed with {}: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(),
                    error.status(),
                    failure.toString(),
                    error.status() == 500 ? failure : null);
        }
        return AwsErrorResponses.write(exchange.getResponse(), error.status(), error.errorType(), error.message());
    }

    record AwsError(int status, String errorType, String message) {}

    static AwsError classify(Throwable failure, String backend) {
        if (hasCause(failure, CallNotPermittedException.class)) {
            return new AwsError(
                    503,
                    SERVICE,
                    "The " + backend + " backend is failing; the gateway stopped calling it"
                            + " for a moment. Retry shortly.");
        }
        if (hasCause(failure, TimeoutException.class) || isStatus(failure, HttpStatus.GATEWAY_TIMEOUT)) {
            return new AwsError(504, SERVICE, "The " + backend + " backend did not answer in time.");
        }
        if (hasCause(failure, DataBufferLimitException.class)) {
            return new AwsError(
                    413, LambdaErrorType.REQUEST_TOO_LARGE.code(), "Request must be smaller than the gateway's limit.");
        }
        if (failure instanceof ResponseStatusException status
                && status.getStatusCode().is4xxClientError()) {
            return clientError(status);
        }
        if (hasCause(failure, ConnectException.class)
                || hasCause(failure, UnknownHostException.class)
                || hasCause(failure, IOException.class)) {
            return new AwsError(502, SERVICE, "The " + backend + " backend could not be reached.");
        }
        return new AwsError(500, SERVICE, "Internal failure in the gateway.");
    }

    private static AwsError clientError(ResponseStatusException status) {
        int code = status.getStatusCode().value();
        String type =
                switch (code) {
                    case 404 -> "UnknownOperationException";
                    case 405 -> "UnknownOperationException";
                    case 413 -> LambdaErrorType.REQUEST_TOO_LARGE.code();
                    case 415 -> LambdaErrorType.UNSUPPORTED_MEDIA_TYPE.code();
                    default -> LambdaErrorType.INVALID_REQUEST_CONTENT.code();
                };
        return new AwsError(code, type, status.getReason());
    }

    private static String backendName(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route == null ? "gateway" : route.getId();
    }

    private static boolean isStatus(Throwable failure, HttpStatus status) {
        return failure instanceof ResponseStatusException e && e.getStatusCode().value() == status.value();
    }

    private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
