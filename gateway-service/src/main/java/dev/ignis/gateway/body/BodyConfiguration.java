package dev.ignis.gateway.body;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one body spool and its limits, shared by the Lambda API's authentication. */
@Configuration(proxyBeanMethods = false)
class BodyConfiguration {

    @Bean
    BodySpool bodySpool(BodyProperties properties) {
        return new BodySpool(properties);
    }

    @Bean
    BodyLimits bodyLimits(BodyProperties properties) {
        return new BodyLimits(properties);
    }
}
