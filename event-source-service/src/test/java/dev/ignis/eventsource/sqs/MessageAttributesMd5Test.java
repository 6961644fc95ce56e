package dev.ignis.eventsource.sqs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

class MessageAttributesMd5Test {

    @Test
    void digestMatchesTheOneRealSqsPutInALambdaEvent() {
        // Recorded on AWS (LocalStack's test_message_body_and_attributes_passed_correctly, 2023-03-17).
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        attributes.put("WeeksOn", string("Number", "6"));
        attributes.put("Author", string("String", "John Grisham"));
        attributes.put("Title", string("String", "The Whistler"));

        assertThat(MessageAttributesMd5.of(attributes)).isEqualTo("d25a6aea97eb8f585bfa92d314504a92");
    }

    @Test
    void digestDoesNotDependOnTheOrderAttributesAreGivenIn() {
        Map<String, MessageAttributeValue> one = new LinkedHashMap<>();
        one.put("b", string("String", "2"));
        one.put("a", binary(new byte[] {1, 2, 3}));
        Map<String, MessageAttributeValue> other = new LinkedHashMap<>();
        other.put("a", binary(new byte[] {1, 2, 3}));
        other.put("b", string("String", "2"));

        assertThat(MessageAttributesMd5.of(one))
                .isEqualTo(MessageAttributesMd5.of(other))
                .hasSize(32);
        assertThat(MessageAttributesMd5.of(one))
                .as("a binary value is not its text")
                .isNotEqualTo(MessageAttributesMd5.of(
                        Map.of("a", string("Binary", "\u0001\u0002\u0003"), "b", string("String", "2"))));
    }

    @Test
    void noAttributesHaveNoDigest() {
        assertThat(MessageAttributesMd5.of(Map.of())).isNull();
    }

    @Test
    void bodyDigestIsTheMd5OfItsUtf8Bytes() {
        // AWS's documented example event: body "Test message." has md5OfBody e4e68fb7bd0e697a0ae8f1bb342846b3.
        assertThat(MessageAttributesMd5.md5Hex("Test message.".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("e4e68fb7bd0e697a0ae8f1bb342846b3");
    }

    static MessageAttributeValue string(String type, String value) {
        return MessageAttributeValue.builder().dataType(type).stringValue(value).build();
    }

    static MessageAttributeValue binary(byte[] value) {
        return MessageAttributeValue.builder()
                .dataType("Binary")
                .binaryValue(SdkBytes.fromByteArray(value))
                .build();
    }
}
