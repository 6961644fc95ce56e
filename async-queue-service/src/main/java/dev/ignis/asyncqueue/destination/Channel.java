package dev.ignis.asyncqueue.destination;

/**
 * One kind of destination, chosen by the service part of the ARN. The contract: {@link #send}
 * returns normally only once the destination has taken the message (the broker acknowledged, the
 * queue answered, the endpoint said 2xx); anything else throws, and the caller retries and counts.
 */
public interface Channel {

    /** The ARN service this channel serves: {@code sqs}, {@code sns}, {@code lambda}, {@code kafka}. */
    String service();

    void send(DestinationArn destination, Outgoing message) throws Exception;
}
