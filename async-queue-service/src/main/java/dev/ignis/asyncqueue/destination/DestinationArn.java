package dev.ignis.asyncqueue.destination;

/**
 * A destination or dead-letter ARN, split as {@code arn:<partition>:<service>:<region>:<account>:<resource>}.
 *
 * @param resource everything after the account: a queue or topic name, {@code function:<name>},
 *     or for Kafka {@code topic/<topic-name>}
 */
public record DestinationArn(String arn, String service, String region, String account, String resource) {

    public static DestinationArn parse(String arn) {
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn")) {
            throw new IllegalArgumentException("Not an ARN: " + arn);
        }
        return new DestinationArn(arn, parts[2], parts[3], parts[4], parts[5]);
    }
}
