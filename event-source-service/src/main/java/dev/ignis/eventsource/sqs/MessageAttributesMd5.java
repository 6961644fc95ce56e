package dev.ignis.eventsource.sqs;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * The MD5 digest of a message's attributes as SQS computes it ({@code MD5OfMessageAttributes}):
 * attributes sorted by name, each as its name, its data type (both length-prefixed UTF-8), one
 * transport byte (1 for String and Number, 2 for Binary, 3 and 4 for their lists) and its value
 * (length-prefixed), all lengths 4-byte big-endian. The event carries SQS's own digest; this one
 * stands in when an SQS-compatible server sends none.
 */
final class MessageAttributesMd5 {

    private static final byte STRING = 1;
    private static final byte BINARY = 2;
    private static final byte STRING_LIST = 3;
    private static final byte BINARY_LIST = 4;

    private MessageAttributesMd5() {}

    /** The lower-case hex digest, or null for no attributes (SQS sends none then). */
    static String of(Map<String, MessageAttributeValue> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, MessageAttributeValue> e : new TreeMap<>(attributes).entrySet()) {
            MessageAttributeValue value = e.getValue();
            lengthPrefixed(out, utf8(e.getKey()));
            lengthPrefixed(out, utf8(value.dataType()));
            if (value.stringValue() != null) {
                out.write(STRING);
                lengthPrefixed(out, utf8(value.stringValue()));
            } else if (value.binaryValue() != null) {
                out.write(BINARY);
                lengthPrefixed(out, value.binaryValue().asByteArray());
            } else if (value.hasStringListValues() && !value.stringListValues().isEmpty()) {
                out.write(STRING_LIST);
                value.stringListValues().forEach(s -> lengthPrefixed(out, utf8(s)));
            } else if (value.hasBinaryListValues()) {
                out.write(BINARY_LIST);
                value.binaryListValues().stream().map(SdkBytes::asByteArray).forEach(b -> lengthPrefixed(out, b));
            }
        }
        return md5Hex(out.toByteArray());
    }

    /** The lower-case hex MD5 of {@code bytes}: SQS's {@code MD5OfBody} of the body's UTF-8 bytes. */
    static String md5Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has MD5", e);
        }
    }

    private static void lengthPrefixed(ByteArrayOutputStream out, byte[] bytes) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
