package dev.ignis.launcher;

import dev.ignis.launcher.process.ChildProcess;
import java.net.URI;

/**
 * A running part of the stack: the broker, the ElasticMQ of {@code --sqs}, the kinesalite of {@code
 * --kinesis}, or a service, with the
 * address users reach it on.
 */
public record Component(String name, URI url, ChildProcess process) {

    public boolean isKafka() {
        return name.equals(LaunchOptions.KAFKA);
    }

    public boolean isSqs() {
        return name.equals(LaunchOptions.SQS);
    }

    public boolean isKinesis() {
        return name.equals(LaunchOptions.KINESIS);
    }

    /** What the services stand on (started before them, stopped after them): not a service itself. */
    public boolean isInfrastructure() {
        return isKafka() || isSqs() || isKinesis();
    }
}
