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
}
