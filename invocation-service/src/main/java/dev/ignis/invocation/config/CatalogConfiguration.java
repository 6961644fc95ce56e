package dev.ignis.invocation.config;

import dev.ignis.invocation.catalog.FunctionCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    /** Not named functionCatalog: Spring Cloud Function registers a bean of that name. */
    @Bean
    FunctionCatalog functionView(InvocationProperties properties) {
        return new FunctionCatalog(properties.region(), properties.accountId());
    }
}
