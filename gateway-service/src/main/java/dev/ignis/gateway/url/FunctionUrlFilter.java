package dev.ignis.gateway.url;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.registry.FunctionUrlSnapshot;
import dev.ignis.gateway.auth.AuthResult;
import dev.ignis.gateway.auth.SigV4Verifier;
import dev.ignis.gateway.error.AwsErrorResponses;
import dev.ignis.gateway.invoke.InvocationClient;
import dev.ignis.gateway.trace.TraceHeaders;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves function URLs: finds the URL by id, answers CORS preflights, checks the AuthType (SigV4
 * for AWS_IAM, the resource policy for NONE), turns the request into a payload 2.0 event, invokes
 * the function synchronously and maps its result back to HTTP. Runs before the Lambda API's SigV4
 * filter, which leaves URL requests alone, and ends the chain for every request it recognises.
 */
@Component
public class FunctionUrlFilter implements WebFilter, Ordered {

    /** After the access log and metrics, before the Lambda API's authentication. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 50;

    private static final Logger log = LoggerFactory.getLogger(FunctionUrlFilter.class);
    private static final byte[] NO_BODY = new byte[0];

    private final UrlRequestMatcher matcher;
    private final FunctionUrlDirectory directory;
    private final SigV4Verifier verifier;
    private final InvocationClient invocations;
    private final FunctionUrlProperties properties;
    private final Clock clock = Clock.systemUTC();

    public FunctionUrlFilter(
            FunctionUrlProperties properties,
            FunctionUrlDirectory directory,
            SigV4Verifier verifier,
            InvocationClient invocations) {
        this.matcher = new UrlRequestMatcher(properties);
        this.directory = directory;
        this.verifier = verifier;
        this.invocations = invocations;
        this.properties = properties;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        return matcher.match(
                        request.getHeaders().getFirst(HttpHeaders.HOST),
                        request.getPath().value())
                .map(target -> serve(exchange, target))
                .orElseGet(() -> chain.filter(exchange));
    }

    private Mono<Void> serve(ServerWebExchange exchange, UrlTarget target) {
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpResponse response = exchange.getResponse();
        Optional<FunctionUrlSnapshot> found = directory.url(target.urlId());
        if (found.isEmpty()) {
            return UrlErrors.forbidden(response);
        }
        FunctionUrlSnapshot url = found.get();
        Optional<CorsRules> cors = Optional.ofNullable(url.cors()).map(CorsRules::new);
        if (cors.isPresent() && CorsRules.isPreflight(request.getMethod(), request.getHeaders())) {
            response.getHeaders().addAll(cors.get().preflight(request.getHeaders()));
            response.setStatusCode(HttpStatusCode.valueOf(200));
            return response.setComplete();
        }
        return DataBufferUtils.join(request.getBody(), properties.maxEventBytes())
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(NO_BODY)
                .flatMap(body -> authorizeAndInvoke(exchange, target, url, body))
                .flatMap(reply ->
                        write(response, reply, cors, request.getHeaders().getOrigin()))
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge(response));
    }

    private Mono<UrlReply> authorizeAndInvoke(
            ServerWebExchange exchange, UrlTarget target, FunctionUrlSnapshot url, byte[] body) {
        ServerHttpRequest request = exchange.getRequest();
        Optional<UrlEvent.IamCaller> caller = Optional.empty();
        if (UrlAccess.AUTH_IAM.equals(url.authType())) {
            AuthResult result = verifier.verify(
                    request.getMethod().name(),
                    request.getURI().getRawPath(),
                    request.getURI().getRawQuery(),
                    request.getHeaders(),
                    body);
            if (result instanceof AuthResult.Rejected rejected) {
                return UrlErrors.write(
                                exchange.getResponse(), rejected.status(), rejected.errorType(), rejected.message())
                        .then(Mono.empty());
            }
            caller = Optional.of(
                    new UrlEvent.IamCaller(((AuthResult.Verified) result).accessKeyId(), properties.accountId()));
        } else if (!UrlAccess.allowsPublicInvoke(directory.policy(url.functionArn()))) {
            return UrlErrors.forbidden(exchange.getResponse()).then(Mono.empty());
        }
        byte[] event =
                UrlEvent.build(request, target, body, caller, UUID.randomUUID().toString(), clock.instant());
        if (event.length > properties.maxEventBytes()) {
            return tooLarge(exchange.getResponse()).then(Mono.empty());
        }
        return invocations
                .invoke(
                        url.functionArn(),
                        FunctionRef.parse(url.functionArn()).functionName(),
                        event,
                        request.getHeaders().getFirst(TraceHeaders.AMZN))
                .map(FunctionUrlFilter::reply)
                .onErrorResume(e -> {
                    log.warn(
                            "Function URL {} could not invoke {}: {}", target.urlId(), url.functionArn(), e.toString());
                    return AwsErrorResponses.write(
                                    exchange.getResponse(),
                                    502,
                                    LambdaErrorType.SERVICE.code(),
                                    "The function could not be invoked; try again.")
                            .then(Mono.empty());
                });
    }

    /** A throttle or a missing function passes through as the invoke API said it. */
    private static UrlReply reply(InvocationClient.Result result) {
        if (result.status() != 200) {
            HttpHeaders headers = new HttpHeaders();
            copy(result.headers(), headers, HttpHeaders.CONTENT_TYPE);
            copy(result.headers(), headers, AwsErrorResponses.ERROR_TYPE_HEADER);
            return new UrlReply(result.status(), headers, result.payload());
        }
        return result.functionError() ? UrlReply.internalServerError() : UrlReply.fromResult(result.payload());
    }

    private static void copy(HttpHeaders from, HttpHeaders to, String name) {
        String value = from.getFirst(name);
        if (value != null) {
            to.set(name, value);
        }
    }

    private static Mono<Void> write(
            ServerHttpResponse response, UrlReply reply, Optional<CorsRules> cors, String origin) {
        HttpHeaders headers = reply.headers();
        cors.ifPresent(rules -> rules.applyTo(headers, origin));
        response.setStatusCode(HttpStatusCode.valueOf(reply.status()));
        response.getHeaders().addAll(headers);
        response.getHeaders().setContentLength(reply.body().length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(reply.body())));
    }

    private Mono<Void> tooLarge(ServerHttpResponse response) {
        return UrlErrors.write(
                response,
                413,
                LambdaErrorType.REQUEST_TOO_LARGE.code(),
                "Request must be smaller than " + properties.maxEventBytes()
                        + " bytes for the InvokeFunction operation");
    }
}
