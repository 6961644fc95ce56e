package dev.ignis.gateway.auth;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.gateway.auth.AuthResult.Rejected;
import dev.ignis.gateway.auth.AuthResult.Verified;
import dev.ignis.gateway.error.AwsErrorResponses;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * SigV4 authentication of every Lambda API request, before routing. The payload hash the signature
 * covers comes from the cheapest source that is still safe:
 *
 * <ul>
 *   <li>{@code X-Amz-Content-Sha256: UNSIGNED-PAYLOAD}: the client chose not to sign the body;
 *   <li>{@code X-Amz-Content-Sha256: <hex>} (the SDK v2): the signature is checked at once against
 *       that digest, then the body is buffered once, up to {@code max-buffered-body}, and must hash to
 *       it before it is forwarded from that copy;
 *   <li>no header and no body: the empty-payload hash;
 *   <li>no header and a body (the AWS CLI, the SDK v2): the body must be read to hash it, so it is
 *       buffered once, up to {@code max-buffered-body}, and forwarded from that copy.
 * </ul>
 *
 * The verified access key id is left in the exchange for the rate limiter and the access log.
 */
public final class SigV4AuthenticationFilter implements WebFilter, Ordered {

    /** After the access log (which must see the 403s), before the rate limiter. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    public static final String ACCESS_KEY_ID_ATTR = SigV4AuthenticationFilter.class.getName() + ".accessKeyId";

    private static final byte[] NO_BYTES = new byte[0];

    private final SigV4Verifier verifier;
    private final boolean acceptAny;
    private final int maxBufferedBody;

    public SigV4AuthenticationFilter(SigV4Verifier verifier, AuthProperties properties) {
        this.verifier = verifier;
        this.acceptAny = properties.mode() == AuthProperties.Mode.ACCEPT_ANY;
        this.maxBufferedBody =
                (int) Math.min(Integer.MAX_VALUE, properties.maxBufferedBody().toBytes());
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (AuthExemptions.isExempt(request)) {
            return chain.filter(exchange);
        }
        HttpHeaders headers = request.getHeaders();
        if (acceptAny) {
            return proceed(exchange, chain, SigV4Verifier.accessKeyIdOrAnonymous(headers), request);
        }
        String claimed = headers.getFirst(SigV4Verifier.CONTENT_SHA256);
        if (claimed != null) {
            return withClaimedHash(exchange, chain, claimed);
        }
        if (!hasBody(headers)) {
            return decide(exchange, chain, verify(request, Sha256.EMPTY_PAYLOAD), request);
        }
        return DataBufferUtils.join(request.getBody(), maxBufferedBody)
                .map(VerifiedBodyCopy::drain)
                .defaultIfEmpty(NO_BYTES)
                .flatMap(bytes -> decide(
                        exchange,
                        chain,
                        verify(request, bytes.length == 0 ? Sha256.EMPTY_PAYLOAD : Sha256.hex(bytes)),
                        new VerifiedBodyCopy(request, exchange.getResponse().bufferFactory(), bytes)));
    }

    private Mono<Void> withClaimedHash(ServerWebExchange exchange, WebFilterChain chain, String claimed) {
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
        return DataBufferUtils.join(request.getBody(), maxBufferedBody)
                .map(VerifiedBodyCopy::drain)
                .defaultIfEmpty(NO_BYTES)
                .flatMap(bytes -> Sha256.hex(bytes).equalsIgnoreCase(claimed)
                        ? proceed(
                                exchange,
                                chain,
                                verified.accessKeyId(),
                                new VerifiedBodyCopy(
                                        request, exchange.getResponse().bufferFactory(), bytes))
                        : AwsErrorResponses.write(
                                exchange.getResponse(),
                                LambdaErrorType.INVALID_SIGNATURE,
                                SigV4Verifier.PAYLOAD_MISMATCH));
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
            case Rejected rejected -> AwsErrorResponses.write(exchange.getResponse(), rejected);
        };
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

    /**
     * The request forwarded with the body bytes that were hashed. Heap bytes, not the pooled buffer:
     * nothing to release if routing never reads the body, and a retry could read it again.
     */
    private static final class VerifiedBodyCopy extends ServerHttpRequestDecorator {

        private final DataBufferFactory buffers;
        private final byte[] body;

        VerifiedBodyCopy(ServerHttpRequest request, DataBufferFactory buffers, byte[] body) {
            super(request);
            this.buffers = buffers;
            this.body = body;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            return body.length == 0 ? Flux.empty() : Flux.defer(() -> Flux.just(buffers.wrap(body)));
        }

        static byte[] drain(DataBuffer joined) {
            try {
                byte[] bytes = new byte[joined.readableByteCount()];
                joined.read(bytes);
                return bytes;
            } finally {
                DataBufferUtils.release(joined);
            }
        }
    }
}
