package dev.ignis.gateway.apidocs;

import dev.ignis.contracts.internal.InternalCredential;
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
            org.springframework.cloud.gateway.config.GatewayProperties routes,
            ApiDocsProperties properties,
            InternalCredential credential) {
        // The backends' documents are internal endpoints: in a cluster they answer only the credential's holders.
        return new ApiDocsHandler(
                WebClient.builder()
                        .defaultHeader(InternalCredential.HEADER, credential.headerValue())
                        .build(),
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
