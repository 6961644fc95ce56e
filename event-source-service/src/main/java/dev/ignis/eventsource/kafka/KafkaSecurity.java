package dev.ignis.eventsource.kafka;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceAccess;
import dev.ignis.eventsource.config.EventSourceProperties.Credentials;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a poller (and its OnFailure topic's producer) reaches its brokers, from the mapping's
 * {@code SourceAccessConfigurations}: {@code BASIC_AUTH} is SASL/PLAIN, {@code SASL_SCRAM_256_AUTH}
 * and {@code SASL_SCRAM_512_AUTH} are SASL/SCRAM, each naming a secret with a username and password;
 * {@code SERVER_ROOT_CA_CERTIFICATE} names a secret whose {@code certificate} is the brokers' root
 * CA (PEM) and {@code CLIENT_CERTIFICATE_TLS_AUTH} one with the client's {@code certificate} chain,
 * {@code privateKey} and optional {@code privateKeyPassword} (PEM, PKCS#8): either turns on TLS
 * ({@code SSL}, or {@code SASL_SSL} with a SASL entry). Without a root CA the JVM's trust store
 * checks the brokers, as Lambda trusts public CAs. Ignis has no Secrets Manager: the secrets come
 * from {@code ignis.event-source.kafka.credentials}, mounted by the operator under the ARNs users name.
 *
 * @param mechanism the SASL mechanism; null for none
 * @param tls the TLS material; null for a plaintext listener
 */
record KafkaSecurity(String mechanism, String username, String password, Tls tls) {

    static final KafkaSecurity NONE = new KafkaSecurity(null, null, null, null);

    static final String ROOT_CA = "SERVER_ROOT_CA_CERTIFICATE";
    static final String CLIENT_CERTIFICATE = "CLIENT_CERTIFICATE_TLS_AUTH";

    private static final Map<String, String> MECHANISMS = Map.of(
            "BASIC_AUTH", "PLAIN",
            "SASL_SCRAM_256_AUTH", "SCRAM-SHA-256",
            "SASL_SCRAM_512_AUTH", "SCRAM-SHA-512");

    /**
     * PEM material for TLS.
     *
     * @param rootCa the brokers' root CA certificates; null: the JVM's trust store
     * @param certificateChain the client certificate first, then its intermediates; null: no client certificate
     * @param privateKey the client certificate's key, PKCS#8
     * @param keyPassword the key's password when it is encrypted, else null
     */
    record Tls(String rootCa, String certificateChain, String privateKey, String keyPassword) {}

    /** @throws IllegalArgumentException (a {@code PROBLEM:} text) when a named secret is not configured or lacks fields */
    static KafkaSecurity of(List<SourceAccess> access, Map<String, Credentials> credentials) {
        String mechanism = null;
        Credentials login = null;
        Credentials ca = null;
        Credentials client = null;
        for (SourceAccess a : access) {
            if (MECHANISMS.containsKey(a.type())) {
                mechanism = MECHANISMS.get(a.type());
                login = secret(a, credentials);
                if (login.username() == null || login.password() == null) {
                    throw missing(a, "username and password");
                }
            } else if (a.type().equals(ROOT_CA)) {
                ca = secret(a, credentials);
                if (ca.certificate() == null) {
                    throw missing(a, "certificate");
                }
            } else if (a.type().equals(CLIENT_CERTIFICATE)) {
                client = secret(a, credentials);
                if (client.certificate() == null || client.privateKey() == null) {
                    throw missing(a, "certificate and privateKey");
                }
            }
        }
        Tls tls = ca == null && client == null
                ? null
                : new Tls(
                        ca == null ? null : ca.certificate(),
                        client == null ? null : client.certificate(),
                        client == null ? null : client.privateKey(),
                        client == null ? null : client.privateKeyPassword());
        return new KafkaSecurity(
                mechanism, login == null ? null : login.username(), login == null ? null : login.password(), tls);
    }

    private static Credentials secret(SourceAccess a, Map<String, Credentials> credentials) {
        Credentials c = credentials.get(a.uri());
        if (c == null) {
            throw new IllegalArgumentException("PROBLEM: The secret " + a.uri() + " could not be read: Ignis has no"
                    + " credentials under that ARN (ignis.event-source.kafka.credentials).");
        }
        return c;
    }

    private static IllegalArgumentException missing(SourceAccess a, String fields) {
        return new IllegalArgumentException("PROBLEM: The secret " + a.uri() + " could not be read: a " + a.type()
                + " secret needs " + fields + " (ignis.event-source.kafka.credentials).");
    }

    /** The consumer, producer and admin client properties this security needs. */
    Map<String, Object> clientProperties() {
        Map<String, Object> config = new HashMap<>();
        if (mechanism == null && tls == null) {
            return config;
        }
        config.put("security.protocol", (mechanism == null ? "" : "SASL_") + (tls == null ? "PLAINTEXT" : "SSL"));
        if (mechanism != null) {
            String module = mechanism.equals("PLAIN")
                    ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                    : "org.apache.kafka.common.security.scram.ScramLoginModule";
            config.put("sasl.mechanism", mechanism);
            config.put(
                    "sasl.jaas.config",
                    module + " required username=\"" + escape(username) + "\" password=\"" + escape(password) + "\";");
        }
        if (tls != null) {
            if (tls.rootCa() != null) {
                config.put("ssl.truststore.type", "PEM");
                config.put("ssl.truststore.certificates", tls.rootCa());
            }
            if (tls.certificateChain() != null) {
                config.put("ssl.keystore.type", "PEM");
                config.put("ssl.keystore.certificate.chain", tls.certificateChain());
                config.put("ssl.keystore.key", tls.privateKey());
                if (tls.keyPassword() != null) {
                    config.put("ssl.key.password", tls.keyPassword());
                }
            }
        }
        return config;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public String toString() {
        String sasl = mechanism == null ? "no SASL" : mechanism + " as " + username;
        String transport = tls == null
                ? "plaintext"
                : "TLS" + (tls.rootCa() == null ? "" : " with a root CA")
                        + (tls.certificateChain() == null ? "" : " and a client certificate");
        return "KafkaSecurity[" + sasl + ", " + transport + "]";
    }
}
