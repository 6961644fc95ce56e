package dev.ignis.gateway.auth;

import dev.ignis.contracts.internal.InternalCredential;
import dev.ignis.gateway.body.BodyLimits;
import dev.ignis.gateway.body.BodySpool;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires SigV4: the key set (read once, so a key file is a start-up concern), the verifier, the filter. */
@Configuration(proxyBeanMethods = false)
class AuthConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AuthConfiguration.class);

    @Bean
    FunctionAccessKeys functionAccessKeys(FunctionAccessKeys.Settings settings, ObjectProvider<Clock> clock) {
        return new FunctionAccessKeys(settings, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    AccessKeys accessKeys(AuthProperties properties, FunctionAccessKeys functionKeys) {
        AccessKeys keys = AccessKeys.from(properties).withTemporary(functionKeys::secretOf);
        log.info(
                "SigV4 mode {} with {} access key(s){}",
                properties.mode(),
                keys.size(),
                properties.keyFile() == null ? "" : " from " + properties.keyFile());
        if (properties.mode() == AuthProperties.Mode.VERIFY && keys.size() == 0) {
            log.warn("SigV4 verification is on but no access key is configured: every API call will be refused");
        }
        return keys;
    }

    /** The bean function URLs with AuthType AWS_IAM call, too. */
    @Bean
    SigV4Verifier sigV4Verifier(AuthProperties properties, AccessKeys keys, ObjectProvider<Clock> clock) {
        return new SigV4Verifier(
                properties.mode(), keys, properties.maxClockSkew(), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    SigV4AuthenticationFilter sigV4AuthenticationFilter(
            SigV4Verifier verifier,
            AuthProperties properties,
            BodySpool spool,
            BodyLimits limits,
            ManagementPort managementPort,
            InternalCredential credential,
            ObjectProvider<Clock> clock) {
        return new SigV4AuthenticationFilter(
                verifier,
                properties,
                spool,
                limits,
                managementPort,
                new CodeLinkAccess(credential, clock.getIfAvailable(Clock::systemUTC)));
    }

    @Bean
    ManagementPort managementPort() {
        return new ManagementPort();
    }
}
