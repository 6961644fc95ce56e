package dev.ignis.launcher;

import dev.ignis.launcher.config.StackConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The parsed arguments of the launcher: a command and the options of {@code up}. */
record CommandLine(
        String command,
        Optional<String> kafka,
        List<String> services,
        Optional<Path> readyFile,
        Optional<Integer> portOffset) {

    /** The gateway's management port in config/gateway-service.yml, moved by {@code --port-offset} too. */
    static final int GATEWAY_MANAGEMENT_PORT = 9080;

    static CommandLine parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("Missing command: up, down or status");
        }
        Optional<String> kafka = Optional.empty();
        List<String> services = new ArrayList<>();
        Optional<Path> readyFile = Optional.empty();
        Optional<Integer> portOffset = Optional.empty();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
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
                case "--port-offset" -> portOffset = Optional.of(Integer.parseInt(required(name, value)));
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
            }
        }
        return new CommandLine(args[0], kafka, List.copyOf(services), readyFile, portOffset);
    }

    /** {@code config} is the stack's configuration, whose ports {@code --port-offset} shifts. */
    LaunchOptions apply(LaunchOptions defaults, StackConfig config) {
        LaunchOptions options = defaults.withServices(services);
        if (portOffset.isPresent()) {
            int offset = portOffset.get();
            Map<String, Integer> ports = new HashMap<>();
            config.services().forEach(s -> ports.put(s.id(), s.url().getPort() + offset));
            ports.put(LaunchOptions.KAFKA, config.kafkaPort() + offset);
            ports.put("gateway" + LaunchOptions.MANAGEMENT_SUFFIX, GATEWAY_MANAGEMENT_PORT + offset);
            options = options.withPortOverrides(ports);
        }
        return kafka.map(options::withExternalKafka).orElse(options);
    }

    private static String required(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
