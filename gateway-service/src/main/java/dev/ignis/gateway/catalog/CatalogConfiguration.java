package dev.ignis.gateway.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    AppliedWritesFilter appliedWritesFilter(RegistryMirror mirror, CatalogProperties properties) {
        return new AppliedWritesFilter(mirror, properties.maxWriteWait());
    }
}
