package dev.ignis.gateway.internal;

import dev.ignis.contracts.internal.InternalCredential;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InternalConfiguration {

    @Bean
    InternalCredential internalCredential(InternalProperties properties) {
        return InternalCredential.loadOrCreate(properties.credentialFile());
    }
}
