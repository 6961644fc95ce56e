package dev.ignis.launcher;

import dev.ignis.launcher.config.StackConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed arguments of the launcher: a command, the options of {@code up}, and those of {@code
 * topics} (the replication factor and Kafka client properties such as {@code security.protocol}).
 */
record CommandLine(
        String command,
        Optional<String> kafka,
        List<String> services,
        Optional<Path> readyFile,
        Map<String, Integer> replicas,
        short replicationFactor,
        Map<String, String> clientProperties,
        boolean unsandboxed,
        Optional<Integer> portOffset,
        boolean sqs,
        boolean kinesis) {

    /** The gateway's management port in config/gateway-service.yml, moved by {@code --port-offset} too. */
    static final int GATEWAY_MANAGEMENT_PORT = 9080;

    static CommandLine parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("Missing command: up, down, status or topics");
        }
        Optional<String> kafka = Optional.empty();
        List<String> services = new ArrayList<>();
        Optional<Path> readyFile = Optional.empty();
        Map<String, Integer> replicas = new LinkedHashMap<>();
        short replicationFactor = 1;
        Map<String, String> clientProperties = new LinkedHashMap<>();
        boolean unsandboxed = false;
        Optional<Integer> portOffset = Optional.empty();
        boolean sqs = false;
        boolean kinesis = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--unsandboxed")) {
                unsandboxed = true;
                continue;
            }
            if (arg.equals("--sqs")) {
                sqs = true;
                continue;
            }
            if (arg.equals("--kinesis")) {
                kinesis = true;
                continue;
            }
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (value == null && i + 1 < args.length && name.startsWith("--")) {
                value = args[++i];
            }
            switch (name) {
                case "--kafka" -> kafka = Optional.of(required(name, value));
                case "--services" ->
                    Arrays.stream(required(name, value).split(","))
                            .map(String::trim)
                            .filter(s -> !s.isEmpty())
                            .forEach(services::add);
                case "--ready-file" -> readyFile = Optional.of(Path.of(required(name, value)));
                case "--replicas" -> {
                    for (String item : required(name, value).split(",")) {
                        replicas(item.trim(), replicas);
                    }
                }
                case "--replication-factor" -> replicationFactor = replicationFactor(required(name, value));
                case "--client-property" -> {
                    String property = required(name, value);
                    int equals = property.indexOf('=');
                    if (equals < 1) {
                        throw new IllegalArgumentException(
                                "--client-property takes name=value, not '" + property + "'");
                    }
                    clientProperties.put(property.substring(0, equals), property.substring(equals + 1));
                }
                case "--port-offset" -> portOffset = Optional.of(portOffset(required(name, value)));
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
            }
        }
        return new CommandLine(
                args[0],
                kafka,
                List.copyOf(services),
                readyFile,
                Map.copyOf(replicas),
                replicationFactor,
                Map.copyOf(clientProperties),
                unsandboxed,
                portOffset,
                sqs,
                kinesis);
    }

    /** {@code config} is the stack's configuration, whose ports {@code --port-offset} shifts. */
    LaunchOptions apply(LaunchOptions defaults, StackConfig config) {
        LaunchOptions options = defaults.withServices(services)
                .withReplicas(replicas)
                .withUnsandboxed(unsandboxed)
                .withSqs(sqs)
                .withKinesis(kinesis);
        if (portOffset.isPresent()) {
            // Replicas follow: replica n stays 100 ports above replica n - 1, management ports included.
            int offset = portOffset.get();
            Map<String, Integer> ports = new HashMap<>();
            config.services().forEach(s -> ports.put(s.id(), s.url().getPort() + offset));
            ports.put(LaunchOptions.KAFKA, config.kafkaPort() + offset);
            ports.put(LaunchOptions.SQS, config.sqsPort() + offset);
            ports.put(LaunchOptions.KINESIS, config.kinesisPort() + offset);
            ports.put("gateway" + LaunchOptions.MANAGEMENT_SUFFIX, GATEWAY_MANAGEMENT_PORT + offset);
            options = options.withPortOverrides(ports);
        }
        return kafka.map(options::withExternalKafka).orElse(options);
    }

    /** One "service=count" of --replicas. */
    private static void replicas(String item, Map<String, Integer> replicas) {
        int equals = item.indexOf('=');
        try {
            int count = Integer.parseInt(item.substring(equals + 1));
            if (equals > 0 && count >= 1) {
                replicas.put(item.substring(0, equals), count);
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--replicas takes service=count,... (count from 1), not '" + item + "'");
    }

    private static short replicationFactor(String value) {
        try {
            short factor = Short.parseShort(value);
            if (factor >= 1) {
                return factor;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--replication-factor must be a whole number from 1, not '" + value + "'");
    }

    private static int portOffset(String value) {
        try {
            int offset = Integer.parseInt(value);
            if (offset >= 0) {
                return offset;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port-offset must be a whole number from 0, not '" + value + "'");
    }

    private static String required(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
