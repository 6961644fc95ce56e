package dev.ignis.eventsource.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.eventsource.sqs.BatchResponse.AllSucceeded;
import dev.ignis.eventsource.sqs.BatchResponse.Invalid;
import dev.ignis.eventsource.sqs.BatchResponse.SomeFailed;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** AWS's documented rules for partial batch responses, case by case. */
class BatchResponseTest {

    static final Set<String> BATCH = Set.of("m-1", "m-2", "m-3");

    @ParameterizedTest
    @ValueSource(
            strings = {"", "null", "{}", "{\"batchItemFailures\":null}", "{\"batchItemFailures\":[]}", "{\"other\":1}"})
    void answersThatNameNoFailureMeanEveryMessageSucceeded(String answer) {
        assertThat(read(answer)).isInstanceOf(AllSucceeded.class);
    }

    @Test
    void namedMessagesAreTheFailedOnes() {
        assertThat(read("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"},{\"itemIdentifier\":\"m-3\"}]}"))
                .isEqualTo(new SomeFailed(Set.of("m-2", "m-3")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "not json",
                "\"ok\"",
                "[]",
                "{\"batchItemFailures\":\"m-1\"}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":null}]}",
                "{\"batchItemFailures\":[{\"foo\":\"notvalid\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"m-9\"}]}",
                "{\"batchItemFailures\":[{\"itemIdentifier\":\"m-1\"},{\"itemIdentifier\":\"unknown\"}]}",
                "{\"batchItemFailures\":[\"m-1\"]}"
            })
    void anythingElseFailsTheWholeBatch(String answer) {
        assertThat(read(answer)).isInstanceOf(Invalid.class);
    }

    private static BatchResponse read(String answer) {
        return BatchResponse.read(answer.getBytes(StandardCharsets.UTF_8), BATCH);
    }
}
