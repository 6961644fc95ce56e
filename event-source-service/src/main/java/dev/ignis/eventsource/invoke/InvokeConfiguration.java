package dev.ignis.eventsource.invoke;

import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.contracts.placement.ReplicaRing;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InvokeConfiguration {

    @Bean
    InvocationClient invocationClient(PlacementProperties placement, InternalCredential credential) {
        return new InvocationClient(
                new ReplicaRing(placement.invocationReplicas(), placement.virtualNodes()),
                placement.invokeTimeout(),
                credential);
    }
}
