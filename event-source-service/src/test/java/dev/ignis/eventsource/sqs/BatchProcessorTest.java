package dev.ignis.eventsource.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

class BatchProcessorTest {

    @Test
    void onAStandardQueueOnlyTheNamedMessagesStay() {
        List<Received> batch = List.of(r("a", "g1"), r("b", "g1"), r("c", "g1"));
        assertThat(BatchProcessor.kept(batch, Set.of("a"), false)).containsExactly("a");
    }

    @Test
    void onAFifoQueueEveryLaterMessageOfAFailedGroupStaysToo() {
        List<Received> batch = List.of(r("a", "g1"), r("b", "g2"), r("c", "g1"), r("d", "g2"), r("e", "g1"));
        assertThat(BatchProcessor.kept(batch, Set.of("c"), true)).containsExactlyInAnyOrder("c", "e");
    }

    private static Received r(String id, String group) {
        Message m = Message.builder()
                .messageId(id)
                .receiptHandle("h-" + id)
                .body(id)
                .attributesWithStrings(Map.of("MessageGroupId", group))
                .build();
        return new Received(m, new byte[0]);
    }
}
