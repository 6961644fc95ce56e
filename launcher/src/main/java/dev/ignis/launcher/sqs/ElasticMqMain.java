package dev.ignis.launcher.sqs;

import org.elasticmq.rest.sqs.SQSRestServerBuilder;

/**
 * The entry point of the ElasticMQ child JVM: an in-memory SQS API on loopback only, whose queue
 * ARNs carry the stack's region and account, so mappings name queues as they would on AWS.
 */
public final class ElasticMqMain {

    private ElasticMqMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 3) {
            System.err.println("usage: ElasticMqMain <port> <region> <account-id>");
            System.exit(2);
        }
        var server = SQSRestServerBuilder.withInterface("127.0.0.1")
                .withPort(Integer.parseInt(args[0]))
                .withAWSRegion(args[1])
                .withAWSAccountId(args[2])
                .start();
        server.waitUntilStarted();
        System.out.println("ElasticMQ (SQS API) listening on http://127.0.0.1:" + args[0]);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopAndWait, "elasticmq-stop"));
        Thread.currentThread().join();
    }
}
