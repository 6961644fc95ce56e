package dev.ignis.eventsource.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The record field by field, in the order AWS's recordings show. */
class SqsEventWriterTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final QueueArn QUEUE = QueueArn.parse("arn:aws:sqs:us-east-2:123456789012:my-queue");

    final SqsEventWriter writer = new SqsEventWriter(QUEUE);

    @Test
    void aMessageWithoutAttributesHasAwsDocumentedShape() {
        Message m = Message.builder()
                .messageId("059f36b4-87a3-44ab-83d2-661975830a7d")
                .receiptHandle("AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a")
                .body("Test message.")
                .attributesWithStrings(standardAttributes())
                .md5OfBody("e4e68fb7bd0e697a0ae8f1bb342846b3")
                .build();

        JsonNode record = JSON.readTree(writer.record(m));

        assertThat(names(record))
                .containsExactly(
                        "messageId",
                        "receiptHandle",
                        "body",
                        "attributes",
                        "messageAttributes",
                        "md5OfMessageAttributes",
                        "md5OfBody",
                        "eventSource",
                        "eventSourceARN",
                        "awsRegion");
        assertThat(record.path("messageId").asString()).isEqualTo("059f36b4-87a3-44ab-83d2-661975830a7d");
        assertThat(record.path("receiptHandle").asString()).isEqualTo("AQEBwJnKyrHigUMZj6rYigCgxlaS3SLy0a");
        assertThat(record.path("body").asString()).isEqualTo("Test message.");
        assertThat(names(record.path("attributes")))
                .containsExactly(
                        "ApproximateReceiveCount", "SentTimestamp", "SenderId", "ApproximateFirstReceiveTimestamp");
        assertThat(record.path("attributes").path("ApproximateReceiveCount").asString())
                .isEqualTo("1");
        assertThat(record.path("messageAttributes").isObject()).isTrue();
        assertThat(record.path("messageAttributes").isEmpty()).isTrue();
        assertThat(record.get("md5OfMessageAttributes").isNull()).isTrue();
        assertThat(record.path("md5OfBody").asString()).isEqualTo("e4e68fb7bd0e697a0ae8f1bb342846b3");
        assertThat(record.path("eventSource").asString()).isEqualTo("aws:sqs");
        assertThat(record.path("eventSourceARN").asString()).isEqualTo(QUEUE.arn());
        assertThat(record.path("awsRegion").asString()).isEqualTo("us-east-2");
    }

    @Test
    void messageAttributesAreWrittenAsLambdaWritesThem() {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("Author", MessageAttributesMd5Test.string("String", "John Grisham"));
        attributes.put("WeeksOn", MessageAttributesMd5Test.string("Number", "6"));
        attributes.put("Cover", MessageAttributesMd5Test.binary("png".getBytes(StandardCharsets.UTF_8)));
        Message m = message("body").toBuilder()
                .messageAttributes(attributes)
                .md5OfMessageAttributes("0123456789abcdef0123456789abcdef")
                .build();

        JsonNode record = JSON.readTree(writer.record(m));

        JsonNode author = record.path("messageAttributes").path("Author");
        assertThat(names(author)).containsExactly("stringValue", "stringListValues", "binaryListValues", "dataType");
        assertThat(author.path("stringValue").asString()).isEqualTo("John Grisham");
        assertThat(author.path("stringListValues").isArray()).isTrue();
        assertThat(author.path("stringListValues").isEmpty()).isTrue();
        assertThat(author.path("dataType").asString()).isEqualTo("String");
        assertThat(record.path("messageAttributes")
                        .path("WeeksOn")
                        .path("dataType")
                        .asString())
                .isEqualTo("Number");
        JsonNode cover = record.path("messageAttributes").path("Cover");
        assertThat(names(cover)).containsExactly("binaryValue", "stringListValues", "binaryListValues", "dataType");
        assertThat(cover.path("binaryValue").asString()).isEqualTo("cG5n");
        assertThat(record.path("md5OfMessageAttributes").asString()).isEqualTo("0123456789abcdef0123456789abcdef");
    }

    @Test
    void missingDigestsAreComputedAsSqsComputesThem() {
        Message m = message("Test message.").toBuilder()
                .md5OfBody(null)
                .messageAttributes(Map.of("Title", MessageAttributesMd5Test.string("String", "The Whistler")))
                .build();

        JsonNode record = JSON.readTree(writer.record(m));

        assertThat(record.path("md5OfBody").asString()).isEqualTo("e4e68fb7bd0e697a0ae8f1bb342846b3");
        assertThat(record.path("md5OfMessageAttributes").asString())
                .isEqualTo(MessageAttributesMd5.of(m.messageAttributes()));
    }

    @Test
    void fifoAttributesFollowTheStandardOnes() {
        Map<String, String> attributes = new LinkedHashMap<>(standardAttributes());
        attributes.put("MessageDeduplicationId", "dedup-1");
        attributes.put("MessageGroupId", "1");
        attributes.put("SequenceNumber", "18849496460467696128");
        attributes.put("SomethingElse", "left out");
        Message m = message("x").toBuilder().attributesWithStrings(attributes).build();

        JsonNode record = JSON.readTree(writer.record(m));

        assertThat(names(record.path("attributes")))
                .containsExactly(
                        "ApproximateReceiveCount",
                        "SentTimestamp",
                        "SenderId",
                        "ApproximateFirstReceiveTimestamp",
                        "SequenceNumber",
                        "MessageGroupId",
                        "MessageDeduplicationId");
    }

    @Test
    void theEventListsTheRecordsInOrderAndItsEnvelopeIsCountedExactly() {
        byte[] a = writer.record(message("one"));
        byte[] b = writer.record(message("two"));

        byte[] event = writer.event(List.of(a, b));

        JsonNode parsed = JSON.readTree(event);
        assertThat(names(parsed)).containsExactly("Records");
        assertThat(parsed.path("Records").get(0).path("body").asString()).isEqualTo("one");
        assertThat(parsed.path("Records").get(1).path("body").asString()).isEqualTo("two");
        assertThat(event.length).isEqualTo(writer.envelopeBytes() + a.length + b.length + 1);
    }

    @Test
    void filtersSeeAJsonBodyDecodedAndAnyOtherBodyAsAString() {
        Message json = message("{\"kind\":\"order\",\"n\":3}");
        Message text = message("hello");

        JsonNode jsonView = JSON.readTree(writer.filterView(json, writer.record(json)));
        JsonNode textView = JSON.readTree(writer.filterView(text, writer.record(text)));

        assertThat(jsonView.path("body").path("kind").asString()).isEqualTo("order");
        assertThat(jsonView.path("eventSource").asString()).isEqualTo("aws:sqs");
        assertThat(textView.path("body").asString()).isEqualTo("hello");
    }

    static Message message(String body) {
        return Message.builder()
                .messageId("id-" + body.hashCode())
                .receiptHandle("handle")
                .body(body)
                .attributesWithStrings(standardAttributes())
                .md5OfBody(MessageAttributesMd5.md5Hex(body.getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    static Map<String, String> standardAttributes() {
        Map<String, String> attributes = new LinkedHashMap<>();
        // Not Lambda's order: the writer puts them in it.
        attributes.put("SenderId", "AIDAIENQZJOLO23YVJ4VO");
        attributes.put("ApproximateFirstReceiveTimestamp", "1545082649185");
        attributes.put("SentTimestamp", "1545082649183");
        attributes.put("ApproximateReceiveCount", "1");
        return attributes;
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }
}
