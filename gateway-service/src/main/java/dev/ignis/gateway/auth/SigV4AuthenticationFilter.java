package dev.ignis.gateway.auth;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.gateway.auth.AuthResult.Rejected;
import dev.ignis.gateway.auth.AuthResult.Verified;
import dev.ignis.gateway.body.BodyLimits;
import dev.ignis.gateway.body.BodySpool;
import dev.ignis.gateway.body.BodyTooLargeException;
import dev.ignis.gateway.body.HeldBody;
import dev.ignis.gateway.error.AwsErrorResponses;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SigV4 authentication of every Lambda API request, before routing, with memory per request bounded
 * before anything is trusted:
 *
 * <ol>
 *   <li>a declared Content-Length over the operation's limit ({@link BodyLimits}) is refused with 413
 *       at once;
 *   <li>everything the headers alone can prove wrong (no signature, a malformed one, outside the clock
 *       window, an unknown key) is refused before a byte of the body is read;
 *   <li>the payload hash the signature covers: {@code UNSIGNED-PAYLOAD} leaves the body alone; a
 *       claimed digest (the SDK v2) is checked against the signature first, then the body is held by
 *       the {@link BodySpool} and must hash to it; no header (the AWS CLI) means the body is held and
 *       hashed first; no body means the empty-payload hash.
 * </ol>
 *
 * A held body is forwarded from the spool and released when the exchange ends. The verified access
 * key id is left in the exchange for the rate limiter and the access log.
 */
public final class SigV4AuthenticationFilter implements WebFilter, Ordered {

    /** After the access log (which must see the 403s), before the rate limiter. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    public static final String ACCESS_KEY_ID_ATTR = SigV4AuthenticationFilter.class.getName() + ".accessKeyId";

    private final SigV4Verifier verifier;
    private final boolean acceptAny;
    private final BodySpool spool;
    private final BodyLimits limits;
    private final ManagementPort managementPort;
    private final CodeLinkAccess codeLinks;

    SigV4AuthenticationFilter(
            SigV4Verifier verifier,
            AuthProperties properties,
            BodySpool spool,
            BodyLimits limits,
            ManagementPort managementPort,
            CodeLinkAccess codeLinks) {
        this.managementPort = managementPort;
        this.codeLinks = codeLinks;
        this.verifier = verifier;
        this.acceptAny = properties.mode() == AuthProperties.Mode.ACCEPT_ANY;
        this.spool = spool;
        this.limits = limits;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (AuthExemptions.isExempt(request) || managementPort.receives(request) || codeLinks.admits(request)) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = request.getHeaders();
        BodyLimits.Limit limit =
                limits.of(request.getMethod(), request.getPath().value());
        long declared = headers.getContentLength();
        if (declared >= 0 && limit.refuses(declared)) {
            return tooLarge(exchange, limit);
        }
        if (acceptAny) {
            return proceed(exchange, chain, SigV4Verifier.accessKeyIdOrAnonymous(headers), request);
        }
        Optional<Rejected> refused = verifier.checkHeaders(request.getURI().getRawPath(), headers);
        if (refused.isPresent()) {
            return refuse(exchange, refused.get());
        }
        String claimed = headers.getFirst(SigV4Verifier.CONTENT_SHA256);
        if (claimed != null) {
            return withClaimedHash(exchange, chain, claimed, limit);
        }
        if (!hasBody(headers)) {
            return decide(exchange, chain, verify(request, Sha256.EMPTY_PAYLOAD), request);
        }
        return held(exchange, chain, limit, body -> verify(request, body.sha256Hex()));
    }

    private Mono<Void> withClaimedHash(
            ServerWebExchange exchange, WebFilterChain chain, String claimed, BodyLimits.Limit limit) {
        ServerHttpRequest request = exchange.getRequest();
        if (SigV4Verifier.UNSIGNED_PAYLOAD.equals(claimed)) {
            return decide(exchange, chain, verify(request, claimed), request);
        }
        if (!Sha256.isHexDigest(claimed)) {
            return AwsErrorResponses.write(
                    exchange.getResponse(),
                    LambdaErrorType.INVALID_SIGNATURE,
                    "x-amz-content-sha256 must be UNSIGNED-PAYLOAD or a valid sha256 value.");
        }
        // A wrong signature is refused before a byte of the body is read.
        AuthResult signature = verify(request, claimed);
        if (!(signature instanceof Verified verified)) {
            return decide(exchange, chain, signature, request);
        }
        // The body is checked against its signed digest before anything reaches a backend: a
        // backend never acts on a tampered body, nor waits on a half-sent one.
        return held(
                exchange,
                chain,
                limit,
                body -> body.sha256Hex().equalsIgnoreCase(claimed)
                        ? verified
                        : new Rejected(
                                LambdaErrorType.INVALID_SIGNATURE.code(),
                                LambdaErrorType.INVALID_SIGNATURE.httpStatus(),
                                SigV4Verifier.PAYLOAD_MISMATCH));
    }

    /** Holds the body, decides on it, forwards it from the spool and releases it when done. */
    private Mono<Void> held(
            ServerWebExchange exchange,
            WebFilterChain chain,
            BodyLimits.Limit limit,
            Function<HeldBody, AuthResult> decision) {
        ServerHttpRequest request = exchange.getRequest();
        return spool.hold(request.getBody(), request.getHeaders().getContentLength(), limit)
                .flatMap(body -> decide(
                                exchange,
                                chain,
                                decision.apply(body),
                                new HeldBodyRequest(
                                        request, exchange.getResponse().bufferFactory(), body))
                        .doFinally(signal -> body.release()))
                .onErrorResume(BodyTooLargeException.class, e -> tooLarge(exchange, e.limit()));
    }

    private AuthResult verify(ServerHttpRequest request, String payloadHash) {
        return verifier.verify(
                request.getMethod().name(),
                request.getURI().getRawPath(),
                request.getURI().getRawQuery(),
                request.getHeaders(),
                payloadHash);
    }

    private static Mono<Void> decide(
            ServerWebExchange exchange, WebFilterChain chain, AuthResult result, ServerHttpRequest forward) {
        return switch (result) {
            case Verified verified -> proceed(exchange, chain, verified.accessKeyId(), forward);
            case Rejected rejected -> refuse(exchange, rejected);
        };
    }

    /** A refusal before the body was read closes the connection: the unread body is not drained. */
    private static Mono<Void> refuse(ServerWebExchange exchange, Rejected rejected) {
        closeIfBodyPending(exchange);
        return AwsErrorResponses.write(exchange.getResponse(), rejected);
    }

    private static Mono<Void> tooLarge(ServerWebExchange exchange, BodyLimits.Limit limit) {
        closeIfBodyPending(exchange);
        return AwsErrorResponses.write(exchange.getResponse(), LambdaErrorType.REQUEST_TOO_LARGE, limit.message());
    }

    private static void closeIfBodyPending(ServerWebExchange exchange) {
        if (hasBody(exchange.getRequest().getHeaders())) {
            exchange.getResponse().getHeaders().setConnection("close");
        }
    }

    private static Mono<Void> proceed(
            ServerWebExchange exchange, WebFilterChain chain, String accessKeyId, ServerHttpRequest forward) {
        exchange.getAttributes().put(ACCESS_KEY_ID_ATTR, accessKeyId);
        return chain.filter(
                forward == exchange.getRequest()
                        ? exchange
                        : exchange.mutate().request(forward).build());
    }

    private static boolean hasBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    /** The request forwarded with the body that was hashed, replayed from where it is held. */
    private static final class HeldBodyRequest extends ServerHttpRequestDecorator {

        private final DataBufferFactory buffers;
        private final HeldBody body;

        HeldBodyRequest(ServerHttpRequest request, DataBufferFactory buffers, HeldBody body) {
            super(request);
            this.buffers = buffers;
            this.body = body;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return body.content(buffers);
        }
    }
}
