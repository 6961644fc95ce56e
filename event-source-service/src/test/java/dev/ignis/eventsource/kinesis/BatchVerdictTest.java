package dev.ignis.eventsource.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.invoke.InvokeAnswer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchVerdictTest {

    final List<StreamRecord> batch = List.of(record("100"), record("200"), record("300"));

    @Test
    void theLowestSequenceNumberNamedIsWhereTheRetryStarts() {
        assertThat(verdict("{\"batchItemFailures\":[{\"itemIdentifier\":\"300\"},{\"itemIdentifier\":\"200\"}]}"))
                .isEqualTo(new BatchVerdict.PartlyFailed(1));
    }

    @Test
    void anEmptyListNullOrAnyOtherAnswerIsASuccess() {
        assertThat(verdict("{\"batchItemFailures\":[]}")).isEqualTo(new BatchVerdict.Succeeded());
        assertThat(verdict("null")).isEqualTo(new BatchVerdict.Succeeded());
        assertThat(verdict("\"done\"")).isEqualTo(new BatchVerdict.Succeeded());
        assertThat(verdict("not json")).isEqualTo(new BatchVerdict.Succeeded());
    }

    @Test
    void anUnknownOrMissingItemIdentifierFailsTheWholeBatch() {
        assertThat(verdict("{\"batchItemFailures\":[{\"itemIdentifier\":\"999\"}]}"))
                .isEqualTo(new BatchVerdict.Failed(false));
        assertThat(verdict("{\"batchItemFailures\":[{\"itemIdentifier\":\"\"}]}"))
                .isEqualTo(new BatchVerdict.Failed(false));
        assertThat(verdict("{\"batchItemFailures\":[{\"itemIdentifier\":null}]}"))
                .isEqualTo(new BatchVerdict.Failed(false));
    }

    @Test
    void withoutReportBatchItemFailuresTheAnswerBodyIsNotRead() {
        InvokeAnswer answer = answer("{\"batchItemFailures\":[{\"itemIdentifier\":\"200\"}]}");
        assertThat(BatchVerdict.of(answer, batch, false)).isEqualTo(new BatchVerdict.Succeeded());
    }

    @Test
    void aFunctionErrorAndAThrottleFailTheBatch() {
        InvokeAnswer error = InvokeAnswer.read(
                200, h -> h.equals("X-Amz-Function-Error") ? "Unhandled" : null, bytes("{}"), b -> "Error");
        InvokeAnswer throttle = InvokeAnswer.read(
                429, h -> h.equals("x-amzn-ErrorType") ? "TooManyRequestsException" : null, bytes("{}"), b -> null);
        assertThat(BatchVerdict.of(error, batch, true)).isEqualTo(new BatchVerdict.Failed(true));
        assertThat(BatchVerdict.of(throttle, batch, true)).isEqualTo(new BatchVerdict.Failed(false));
    }

    private BatchVerdict verdict(String body) {
        return BatchVerdict.of(answer(body), batch, true);
    }

    private static InvokeAnswer answer(String body) {
        return InvokeAnswer.read(200, h -> null, bytes(body), b -> null);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static StreamRecord record(String sequence) {
        return new StreamRecord(0, sequence, "k", Instant.EPOCH, new byte[0]);
    }
}
