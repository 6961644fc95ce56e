package dev.ignis.bench.options;

import java.net.URI;

/**
 * Where the stack under test answers; loopback only, so a bench can never load another machine.
 *
 * @param kafka the stack's Kafka broker ({@code host:port}), for the {@code kafka} scenario
 * @param eventSource event-source-service, whose per-mapping counters tell the {@code sqs} and
 *     {@code kinesis} scenarios how many records were delivered
 * @param sqs the SQS API the stack's SQS mappings poll ({@code ./ignis up --sqs}: ElasticMQ)
 * @param kinesis the Kinesis API the stack's Kinesis mappings read ({@code ./ignis up --kinesis}: kinesalite)
 */
public record Endpoints(
        URI invocation,
        URI gateway,
        URI registry,
        URI asyncQueue,
        String kafka,
        URI eventSource,
        URI sqs,
        URI kinesis) {

    public Endpoints {
        invocation = loopback(invocation);
        gateway = loopback(gateway);
        registry = loopback(registry);
        asyncQueue = loopback(asyncQueue);
        eventSource = loopback(eventSource);
        sqs = loopback(sqs);
        kinesis = loopback(kinesis);
        URI broker = loopback(URI.create("kafka://" + kafka));
        kafka = broker.getHost() + ":" + broker.getPort();
    }

    /**
     * Refuses any other host, and writes {@code localhost} as 127.0.0.1 so that every connection
     * goes to the same IPv4 loopback the services listen on.
     */
    static URI loopback(URI uri) {
        String host = uri.getHost();
        if (host == null || !(host.equals("127.0.0.1") || host.equals("localhost"))) {
            throw new IllegalArgumentException("Benchmarks only ever target this machine's loopback: " + uri);
        }
        if (uri.getPort() < 0) {
            throw new IllegalArgumentException("A port is needed: " + uri);
        }
        return URI.create(uri.getScheme() + "://127.0.0.1:" + uri.getPort());
    }
}
