package dev.ignis.eventsource.internal;

import dev.ignis.contracts.internal.InternalCredential;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The internal credential (platform-contracts {@code InternalCredential}): read once at start, sent on
 * this service's calls to others, and, in a cluster ({@code ignis.internal.required}), required of
 * every caller but health, so that nothing reaches this service past the gateway.
 */
@Configuration(proxyBeanMethods = false)
public class InternalCallers {

    /**
     * Under {@code ignis.internal} (config/application.yml).
     *
     * @param credentialFile the secret's file; a mounted Secret in a cluster, created on first start locally
     * @param required refuse callers that do not present the credential
     */
    @Validated
    @ConfigurationProperties("ignis.internal")
    public record Properties(@NotNull Path credentialFile, @DefaultValue("false") boolean required) {}

    @Bean
    InternalCredential internalCredential(Properties properties) {
        return InternalCredential.loadOrCreate(properties.credentialFile());
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> internalCallerFilter(
            InternalCredential credential, Properties properties) {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new Refuser(credential, properties.required()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    private static final class Refuser extends OncePerRequestFilter {

        private final InternalCredential credential;
        private final boolean required;

        Refuser(InternalCredential credential, boolean required) {
            this.credential = credential;
            this.required = required;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!required
                    || credential.admits(
                            request.getRequestURI(),
                            InternalCredential.presented(
                                    request.getHeader(InternalCredential.HEADER),
                                    request.getHeader("Authorization")))) {
                chain.doFilter(request, response);
                return;
            }
            response.setStatus(InternalCredential.REFUSED_STATUS);
            response.setHeader("x-amzn-ErrorType", InternalCredential.REFUSED_TYPE);
            response.setContentType("application/json");
            response.getWriter().write(InternalCredential.REFUSED_BODY);
        }
    }
}
