package dev.ignis.gateway.url;

import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.contracts.placement.ReplicaRing;
import dev.ignis.gateway.invoke.InvocationClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class UrlConfiguration {

    /** URL requests wait as long as a function may run, for events as large as Lambda takes. */
    @Bean
    InvocationClient invocationClient(
            ReplicaRing replicas, FunctionUrlProperties properties, InternalCredential credential) {
        return new InvocationClient(replicas, properties.invokeTimeout(), properties.maxEventBytes(), credential);
    }
}
