package dev.ignis.asyncqueue.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.asyncqueue.config.AsyncQueueProperties;
import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.ResourceType;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.KafkaNull;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class AsyncTargetsTest {

    static final String ARN = "arn:aws:lambda:us-east-1:000000000000:function:fn";

    final AsyncTargets targets = new AsyncTargets(new AsyncQueueProperties("us-east-1", "000000000000"));

    @Test
    void acceptsFunctionsVersionsAndAliasesOnlyWhileTheyExist() {
        targets.accept(record(1, ResourceType.FUNCTION, ARN, "{}"));
        targets.accept(record(2, ResourceType.ALIAS, ARN + ":live", "{}"));
        targets.accept(record(3, ResourceType.FUNCTION_URL_CONFIG, ARN + "#url", "{}"));

        assertThat(targets.accepts(FunctionRef.parse("fn"))).isTrue();
        assertThat(targets.accepts(FunctionRef.parse("fn:live"))).isTrue();
        assertThat(targets.accepts(FunctionRef.parse("fn:2"))).isFalse();

        targets.accept(record(4, ResourceType.FUNCTION, ARN, KafkaNull.INSTANCE));
        assertThat(targets.accepts(FunctionRef.parse("fn"))).isFalse();
        assertThat(targets.health().getStatus()).isEqualTo(Status.UP);
        assertThat(targets.health().getDetails())
                .containsEntry("changesApplied", 4L)
                .containsEntry("lastSequence", 4L)
                .containsEntry("lastKey", ARN)
                .containsEntry("resources", 1);
    }

    private static Message<Object> record(long sequence, ResourceType type, String key, Object payload) {
        return MessageBuilder.withPayload(payload)
                .setHeader(KafkaHeaders.RECEIVED_KEY, key.getBytes(StandardCharsets.UTF_8))
                .setHeader(RegistryChangeHeaders.RESOURCE_TYPE, type.name().getBytes(StandardCharsets.UTF_8))
                .setHeader(
                        RegistryChangeHeaders.SEQUENCE, Long.toString(sequence).getBytes(StandardCharsets.UTF_8))
                .build();
    }
}
