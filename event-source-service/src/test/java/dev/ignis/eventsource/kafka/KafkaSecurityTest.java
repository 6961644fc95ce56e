package dev.ignis.eventsource.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceAccess;
import dev.ignis.eventsource.config.EventSourceProperties.Credentials;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KafkaSecurityTest {

    static final String SECRET = "arn:aws:secretsmanager:us-east-1:000000000000:secret:kafka";
    static final Map<String, Credentials> CREDENTIALS = Map.of(SECRET, Credentials.basic("alice", "pa\"ss"));

    @Test
    void basicAuthIsSaslPlainWithTheSecretsCredentials() {
        var security = KafkaSecurity.of(List.of(new SourceAccess("BASIC_AUTH", SECRET)), CREDENTIALS);
        assertThat(security.clientProperties())
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\""
                                + " password=\"pa\\\"ss\";");
        assertThat(security.toString()).doesNotContain("pa\"ss");
    }

    @Test
    void scramTypesPickTheirMechanism() {
        assertThat(KafkaSecurity.of(List.of(new SourceAccess("SASL_SCRAM_512_AUTH", SECRET)), CREDENTIALS)
                        .clientProperties())
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat(KafkaSecurity.of(List.of(new SourceAccess("SASL_SCRAM_256_AUTH", SECRET)), CREDENTIALS)
                        .clientProperties())
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256");
    }

    @Test
    void noAccessConfigurationsMeansAPlainListenerAndAnUnknownSecretIsAProblem() {
        assertThat(KafkaSecurity.of(List.of(), CREDENTIALS).clientProperties()).isEmpty();
        assertThatThrownBy(
                        () -> KafkaSecurity.of(List.of(new SourceAccess("BASIC_AUTH", SECRET + "-other")), CREDENTIALS))
                .hasMessageStartingWith("PROBLEM: The secret " + SECRET + "-other could not be read");
    }

    static final String CA = "arn:aws:secretsmanager:us-east-1:000000000000:secret:ca";
    static final String CLIENT = "arn:aws:secretsmanager:us-east-1:000000000000:secret:client";
    static final Map<String, Credentials> TLS = Map.of(
            SECRET, Credentials.basic("alice", "secret"),
            CA, Credentials.certificate("CA PEM", null, null),
            CLIENT, Credentials.certificate("CHAIN PEM", "KEY PEM", "key-pass"));

    @Test
    void aRootCaIsTlsWithAPemTruststore() {
        var properties = KafkaSecurity.of(List.of(new SourceAccess("SERVER_ROOT_CA_CERTIFICATE", CA)), TLS)
                .clientProperties();
        assertThat(properties)
                .containsEntry("security.protocol", "SSL")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.certificates", "CA PEM")
                .doesNotContainKey("ssl.keystore.type")
                .doesNotContainKey("sasl.mechanism");
    }

    @Test
    void aClientCertificateIsAPemKeystoreAndWithSaslTheProtocolIsSaslSsl() {
        var properties = KafkaSecurity.of(
                        List.of(
                                new SourceAccess("SASL_SCRAM_512_AUTH", SECRET),
                                new SourceAccess("CLIENT_CERTIFICATE_TLS_AUTH", CLIENT)),
                        TLS)
                .clientProperties();
        assertThat(properties)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.keystore.type", "PEM")
                .containsEntry("ssl.keystore.certificate.chain", "CHAIN PEM")
                .containsEntry("ssl.keystore.key", "KEY PEM")
                .containsEntry("ssl.key.password", "key-pass")
                .as("no root CA: the JVM's trust store, as Lambda trusts public CAs")
                .doesNotContainKey("ssl.truststore.certificates");
    }

    @Test
    void aSecretWithoutTheFieldsItsTypeNeedsIsAProblem() {
        assertThatThrownBy(() -> KafkaSecurity.of(List.of(new SourceAccess("CLIENT_CERTIFICATE_TLS_AUTH", CA)), TLS))
                .hasMessage("PROBLEM: The secret " + CA + " could not be read: a CLIENT_CERTIFICATE_TLS_AUTH secret"
                        + " needs certificate and privateKey (ignis.event-source.kafka.credentials).");
        assertThatThrownBy(() -> KafkaSecurity.of(List.of(new SourceAccess("BASIC_AUTH", CA)), TLS))
                .hasMessageContaining("needs username and password");
    }
}
