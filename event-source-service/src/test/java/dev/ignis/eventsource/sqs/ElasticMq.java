package dev.ignis.eventsource.sqs;

import java.net.URI;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * One in-process ElasticMQ (an SQS-compatible server from Maven Central) on loopback for every SQS
 * test class in this JVM, stopped when the JVM exits.
 */
final class ElasticMq {

    static final String REGION = "us-east-1";
    static final String ACCOUNT = "000000000000";

    private static final SQSRestServer SERVER = SQSRestServerBuilder.withInterface("127.0.0.1")
            .withDynamicPort()
            .withAWSRegion(REGION)
            .withAWSAccountId(ACCOUNT)
            .start();

    static final URI ENDPOINT = URI.create(
            "http://127.0.0.1:" + SERVER.waitUntilStarted().localAddress().getPort());

    static {
        // The pollers use the AWS SDK's default credential chain; ElasticMQ accepts any key.
        System.setProperty("aws.accessKeyId", "test");
        System.setProperty("aws.secretAccessKey", "test");
        Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stopAndWait));
    }

    private ElasticMq() {}
}
