package dev.ignis.gateway.routing;

import dev.ignis.contracts.placement.ReplicaRing;
import dev.ignis.gateway.config.GatewayProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RoutingConfiguration.class);

    /** The configured replicas, or the single invocation-service as a ring of one. */
    @Bean
    ReplicaRing replicaRing(ScaleOutProperties scaleOut, GatewayProperties gateway) {
        List<java.net.URI> replicas = scaleOut.invocationReplicas().isEmpty()
                ? List.of(gateway.invocationUrl())
                : scaleOut.invocationReplicas();
        if (replicas.size() > 1) {
            log.info("Invokes are spread over {} invocation-service replicas by function", replicas.size());
        }
        return new ReplicaRing(replicas, scaleOut.virtualNodes());
    }

    @Bean
    ReplicaRoutingFilter replicaRoutingFilter(ReplicaRing ring) {
        return new ReplicaRoutingFilter(ring);
    }
}
