package dev.ignis.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    @Test
    void topics_takesBrokerReplicationFactorAndClientProperties() {
        CommandLine line = CommandLine.parse(new String[] {
            "topics",
            "--kafka=kafka-0:9093",
            "--replication-factor",
            "3",
            "--client-property=security.protocol=SASL_SSL",
            "--client-property=sasl.jaas.config=x required password=\"a=b\";"
        });

        assertThat(line.command()).isEqualTo("topics");
        assertThat(line.kafka()).contains("kafka-0:9093");
        assertThat(line.replicationFactor()).isEqualTo((short) 3);
        assertThat(line.clientProperties())
                .isEqualTo(Map.of("security.protocol", "SASL_SSL", "sasl.jaas.config", "x required password=\"a=b\";"));
    }

    @Test
    void topics_defaultsToOneReplicaAndNoClientProperties() {
        CommandLine line = CommandLine.parse(new String[] {"topics"});

        assertThat(line.replicationFactor()).isEqualTo((short) 1);
        assertThat(line.clientProperties()).isEmpty();
    }

    @Test
    void topics_refusesAReplicationFactorBelowOneAndAPropertyWithoutValue() {
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"topics", "--replication-factor=0"}))
                .hasMessageContaining("--replication-factor must be a whole number from 1");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"topics", "--client-property=acks"}))
                .hasMessageContaining("--client-property takes name=value");
    }

    @Test
    void up_takesReplicasPerService() {
        CommandLine line = CommandLine.parse(new String[] {"up", "--replicas", "invocation=2, gateway=3"});

        assertThat(line.replicas()).isEqualTo(Map.of("invocation", 2, "gateway", 3));
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"up", "--replicas=invocation"}))
                .hasMessageContaining("--replicas takes service=count");
        assertThatThrownBy(() -> CommandLine.parse(new String[] {"up", "--replicas=invocation=0"}))
                .hasMessageContaining("--replicas takes service=count");
    }

    @Test
    void up_startsKinesaliteOnlyWithKinesis() {
        assertThat(CommandLine.parse(new String[] {"up", "--kinesis", "--sqs"}).kinesis())
                .isTrue();
        assertThat(CommandLine.parse(new String[] {"up", "--sqs"}).kinesis()).isFalse();
    }
}
