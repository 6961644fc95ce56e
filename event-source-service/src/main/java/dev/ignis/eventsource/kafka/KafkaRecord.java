package dev.ignis.eventsource.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One fetched record, with its JSON as it appears in the event (serialized once, when it arrives):
 * the original stays at hand for what an OnFailure destination needs (key, headers, timestamp).
 */
record KafkaRecord(ConsumerRecord<byte[], byte[]> record, byte[] json) {

    long offset() {
        return record.offset();
    }
}
