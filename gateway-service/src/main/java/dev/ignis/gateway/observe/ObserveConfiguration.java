package dev.ignis.gateway.observe;

import dev.ignis.gateway.error.AwsErrorWebExceptionHandler;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ObserveConfiguration {

    @Bean
    RequestObservationFilter requestObservationFilter(MeterRegistry meters, AwsErrorWebExceptionHandler errors) {
        return new RequestObservationFilter(new RequestMetrics(meters), new AccessLog(), errors);
    }
}
