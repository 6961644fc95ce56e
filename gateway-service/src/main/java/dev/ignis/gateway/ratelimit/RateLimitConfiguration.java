package dev.ignis.gateway.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The limiter exists only when switched on, so the default path pays nothing for it. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("ignis.gateway.rate-limit.enabled")
class RateLimitConfiguration {

    @Bean
    RateLimitFilter rateLimitFilter(RateLimitProperties properties) {
        return new RateLimitFilter(properties);
    }
}
