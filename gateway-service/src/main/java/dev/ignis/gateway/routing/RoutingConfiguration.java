package dev.ignis.gateway.routing;

import dev.ignis.contracts.placement.ReplicaRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

    /** The replicas every caller shares; one replica is a ring of one. */
    @Bean
    ReplicaRing replicaRing(PlacementProperties placement) {
        if (placement.invocationReplicas().size() > 1) {
            log.info(
                    "Invokes are spread over {} invocation-service replicas by function",
                    placement.invocationReplicas().size());
        }
        return new ReplicaRing(placement.invocationReplicas(), placement.virtualNodes());
    }

    @Bean
    ReplicaRoutingFilter replicaRoutingFilter(ReplicaRing ring) {
        return new ReplicaRoutingFilter(ring);
    }
}
