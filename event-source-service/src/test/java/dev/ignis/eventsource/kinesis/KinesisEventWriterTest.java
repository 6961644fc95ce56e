package dev.ignis.eventsource.kinesis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The event against AWS's documented Kinesis example, field by field and in order. */
class KinesisEventWriterTest {

    static final String STREAM = "arn:aws:kinesis:us-east-1:123456789012:stream/lambda-stream";
    static final String ROLE = "arn:aws:iam::123456789012:role/lambda-role";

    final KinesisEventWriter writer = new KinesisEventWriter(STREAM, "us-east-1", ROLE);

    @Test
    void aRecordIsWrittenExactlyAsAwsWritesIt() {
        byte[] json = writer.record(
                "shardId-000000000006",
                "49590338271490256608559692538361571095921575989136588898",
                "1",
                "Hello, this is a test.".getBytes(StandardCharsets.UTF_8),
                Instant.ofEpochMilli(1545084650987L));

        assertThat(new String(json, StandardCharsets.UTF_8))
                .isEqualTo("{\"kinesis\":{\"kinesisSchemaVersion\":\"1.0\",\"partitionKey\":\"1\","
                        + "\"sequenceNumber\":\"49590338271490256608559692538361571095921575989136588898\","
                        + "\"data\":\"SGVsbG8sIHRoaXMgaXMgYSB0ZXN0Lg==\",\"approximateArrivalTimestamp\":1545084650.987},"
                        + "\"eventSource\":\"aws:kinesis\",\"eventVersion\":\"1.0\","
                        + "\"eventID\":\"shardId-000000000006:49590338271490256608559692538361571095921575989136588898\","
                        + "\"eventName\":\"aws:kinesis:record\",\"invokeIdentityArn\":\"" + ROLE + "\","
                        + "\"awsRegion\":\"us-east-1\",\"eventSourceARN\":\"" + STREAM + "\"}");
    }

    @Test
    void theEventWrapsTheRecordsAndItsEnvelopeIsCountedExactly() {
        StreamRecord a = new StreamRecord(0, "1", "k", Instant.EPOCH, bytes("{\"a\":1}"));
        StreamRecord b = new StreamRecord(1, "2", "k", Instant.EPOCH, bytes("{\"b\":2}"));

        byte[] event = KinesisEventWriter.event(List.of(a, b));

        assertThat(new String(event, StandardCharsets.UTF_8)).isEqualTo("{\"Records\":[{\"a\":1},{\"b\":2}]}");
        assertThat(event.length).isEqualTo(KinesisEventWriter.envelopeBytes() + 7 + 7 + 1);
    }

    @Test
    void filtersSeeJsonDataDecodedAndNonJsonDataNotAtAll() {
        byte[] data = bytes("{\"kind\":\"order\"}");
        byte[] json = writer.record("shardId-0", "1", "pk", data, Instant.EPOCH);
        assertThat(writer.filterView(json, data))
                .contains("\"partitionKey\":\"pk\"")
                .contains("\"data\":{\"kind\":\"order\"}");

        byte[] text = bytes("plain text");
        byte[] other = writer.record("shardId-0", "2", "pk", text, Instant.EPOCH);
        assertThat(writer.filterView(other, text)).doesNotContain("\"data\"").contains("\"sequenceNumber\":\"2\"");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
