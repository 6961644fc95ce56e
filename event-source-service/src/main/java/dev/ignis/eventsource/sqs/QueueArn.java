package dev.ignis.eventsource.sqs;

/**
 * An SQS queue's ARN, {@code arn:<partition>:sqs:<region>:<account>:<name>}: the region picks
 * AWS's endpoint and goes into the event, the account and name find the queue's URL.
 */
record QueueArn(String arn, String region, String account, String name) {

    static QueueArn parse(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        if (parts.length != 6 || !parts[0].equals("arn") || !parts[2].equals("sqs") || parts[5].isEmpty()) {
            throw new IllegalArgumentException("Not an SQS queue ARN: " + arn);
        }
        return new QueueArn(arn, parts[3], parts[4], parts[5]);
    }

    /** FIFO queues' names end in {@code .fifo}, as SQS requires. */
    boolean fifo() {
        return name.endsWith(".fifo");
    }
}
