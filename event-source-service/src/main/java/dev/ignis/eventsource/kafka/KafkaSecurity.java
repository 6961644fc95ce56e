package dev.ignis.eventsource.kafka;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceAccess;
import dev.ignis.eventsource.config.EventSourceProperties.Credentials;
import java.util.List;
import java.util.Map;

/**
 * How a poller authenticates to its brokers, from the mapping's {@code SourceAccessConfigurations}:
 * {@code BASIC_AUTH} is SASL/PLAIN, {@code SASL_SCRAM_256_AUTH} and {@code SASL_SCRAM_512_AUTH} are
 * SASL/SCRAM, each naming a secret whose username and password come from
 * {@code ignis.event-source.kafka.credentials}. Ignis has no Secrets Manager: the operator mounts
 * the secrets under the ARNs users name.
 *
 * @param mechanism the SASL mechanism; null for none
 */
record KafkaSecurity(String mechanism, String username, String password) {

    static final KafkaSecurity NONE = new KafkaSecurity(null, null, null);

    private static final Map<String, String> MECHANISMS = Map.of(
            "BASIC_AUTH", "PLAIN",
            "SASL_SCRAM_256_AUTH", "SCRAM-SHA-256",
            "SASL_SCRAM_512_AUTH", "SCRAM-SHA-512");

    /** @throws IllegalArgumentException when a named secret is not configured, or TLS is asked for */
    static KafkaSecurity of(List<SourceAccess> access, Map<String, Credentials> credentials) {
        KafkaSecurity security = NONE;
        for (SourceAccess a : access) {
            String mechanism = MECHANISMS.get(a.type());
            if (mechanism != null) {
                Credentials c = credentials.get(a.uri());
                if (c == null || c.username() == null || c.password() == null) {
                    throw new IllegalArgumentException(
                            "PROBLEM: The secret " + a.uri() + " could not be read: Ignis has no credentials under"
                                    + " that ARN (ignis.event-source.kafka.credentials).");
                }
                security = new KafkaSecurity(mechanism, c.username(), c.password());
            } else if (a.type().equals("CLIENT_CERTIFICATE_TLS_AUTH")
                    || a.type().equals("SERVER_ROOT_CA_CERTIFICATE")) {
                throw new IllegalArgumentException(
                        "PROBLEM: " + a.type() + " is not supported by Ignis yet; use a SASL listener.");
            }
        }
        return security;
    }

    /** The consumer and admin client properties this security needs. */
    Map<String, Object> clientProperties() {
        if (mechanism == null) {
            return Map.of();
        }
        String module = mechanism.equals("PLAIN")
                ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return Map.of(
                "security.protocol",
                "SASL_PLAINTEXT",
                "sasl.mechanism",
                mechanism,
                "sasl.jaas.config",
                module + " required username=\"" + escape(username) + "\" password=\"" + escape(password) + "\";");
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        return "KafkaSecurity[" + (mechanism == null ? "none" : mechanism + " as " + username) + "]";
    }
}
