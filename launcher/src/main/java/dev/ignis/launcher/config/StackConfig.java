package dev.ignis.launcher.config;

import java.util.List;
import java.util.Optional;

/**
 * What the launcher reads from {@code config/application.yml}: the region for the CLI hint, the
 * Kafka address, the topics to create and the services to run, in start order; and from {@code
 * config/launcher.yml} the JVM options, the port of the ElasticMQ {@code --sqs} starts, and the port
 * and npm version of the kinesalite {@code --kinesis} starts.
 */
public record StackConfig(
        String region,
        String kafkaBootstrapServers,
        List<TopicSpec> topics,
        List<ServiceSpec> services,
        List<String> kafkaJvmOptions,
        String accountId,
        int sqsPort,
        List<String> sqsJvmOptions,
        int kinesisPort,
        String kinesaliteVersion) {

    public StackConfig {
        topics = List.copyOf(topics);
        services = List.copyOf(services);
        kafkaJvmOptions = List.copyOf(kafkaJvmOptions);
        sqsJvmOptions = List.copyOf(sqsJvmOptions);
    }

    public Optional<ServiceSpec> service(String name) {
        return services.stream().filter(s -> s.isNamed(name)).findFirst();
    }

    public int kafkaPort() {
        String address = kafkaBootstrapServers.split(",")[0].trim();
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
    }
}
