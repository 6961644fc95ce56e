package dev.ignis.eventsource.sqs;

import software.amazon.awssdk.services.sqs.model.Message;

/** A message received and not yet deleted, with its record as the event will carry it. */
record Received(Message message, byte[] json) {

    String messageId() {
        return message.messageId();
    }

    /** The FIFO message group, or null on a standard queue. */
    String group() {
        return message.attributesAsStrings().get("MessageGroupId");
    }
}
