package dev.ignis.gateway.apidocs;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/** Serves the aggregated OpenAPI document at {@code /v3/api-docs} (Swagger UI reads it there). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiDocsProperties.class)
class ApiDocsConfiguration {

    @Bean
    ApiDocsHandler apiDocsHandler(
            org.springframework.cloud.gateway.config.GatewayProperties routes, ApiDocsProperties properties) {
        return new ApiDocsHandler(
                WebClient.create(),
                ForwardedPaths.of(routes.getRoutes()),
                properties,
                JsonMapper.builder().build(),
                Clock.systemUTC());
    }

    @Bean
    RouterFunction<ServerResponse> apiDocsRoute(ApiDocsHandler handler) {
        return RouterFunctions.route().GET("/v3/api-docs", handler::serve).build();
    }
}
