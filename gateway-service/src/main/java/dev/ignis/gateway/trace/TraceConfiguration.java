package dev.ignis.gateway.trace;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TraceConfiguration {

    @Bean
    TraceContextFilter traceContextFilter(ObjectProvider<Clock> clock) {
        return new TraceContextFilter(clock.getIfAvailable(Clock::systemUTC));
    }
}
