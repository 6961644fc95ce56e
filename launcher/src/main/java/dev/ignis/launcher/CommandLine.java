package dev.ignis.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The parsed arguments of the launcher: a command and the options of {@code up}. */
record CommandLine(
        String command, Optional<String> kafka, List<String> services, Optional<Path> readyFile, boolean unsandboxed) {

    static CommandLine parse(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("Missing command: up, down or status");
        }
        Optional<String> kafka = Optional.empty();
        List<String> services = new ArrayList<>();
        Optional<Path> readyFile = Optional.empty();
        boolean unsandboxed = false;
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--unsandboxed")) {
                unsandboxed = true;
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
                default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
            }
        }
        return new CommandLine(args[0], kafka, List.copyOf(services), readyFile, unsandboxed);
    }

    LaunchOptions apply(LaunchOptions defaults) {
        LaunchOptions options = defaults.withServices(services).withUnsandboxed(unsandboxed);
        return kafka.map(options::withExternalKafka).orElse(options);
    }

    private static String required(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
