package dev.ignis.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.gateway.auth.SigV4AuthenticationFilter;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

class RateLimitFilterTest {

    final RateLimitFilter filter = new RateLimitFilter(new RateLimitProperties(true, 2));
    final AtomicInteger passed = new AtomicInteger();
    final WebFilterChain chain = exchange -> {
        passed.incrementAndGet();
        return Mono.empty();
    };

    @Test
    void throttlesAnAccessKeyBeyondItsRateWithAwsCallerRateLimitBody() {
        call("alice");
        call("alice");
        MockServerWebExchange third = call("alice");

        assertThat(passed).hasValue(2);
        assertThat(third.getResponse().getStatusCode().value()).isEqualTo(429);
        assertThat(third.getResponse().getHeaders().getFirst("x-amzn-ErrorType"))
                .isEqualTo("TooManyRequestsException");
        assertThat(third.getResponse().getBodyAsString().block())
                .isEqualTo("{\"Reason\":\"CallerRateLimitExceeded\",\"Type\":\"User\",\"message\":\"Rate exceeded\"}");
    }

    @Test
    void limitsEachAccessKeyOnItsOwnAndLeavesUnauthenticatedPathsAlone() {
        call("alice");
        call("alice");
        call("bob");
        call(null);
        call(null);
        call(null);

        assertThat(passed).hasValue(6);
    }

    private MockServerWebExchange call(String accessKeyId) {
        MockServerWebExchange exchange =
                MockServerWebExchange.from(MockServerHttpRequest.get("/2015-03-31/functions/"));
        if (accessKeyId != null) {
            exchange.getAttributes().put(SigV4AuthenticationFilter.ACCESS_KEY_ID_ATTR, accessKeyId);
        }
        filter.filter(exchange, chain).block();
        return exchange;
    }
}
