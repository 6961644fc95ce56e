package dev.ignis.launcher.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The entry point of the broker's child JVM: formats the KRaft storage on first use, then runs an
 * ordinary Apache Kafka server (combined broker and controller) on the given properties.
 */
public final class BrokerMain {

    private BrokerMain() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BrokerMain <server.properties> <cluster-id>");
            System.exit(2);
        }
        Path properties = Path.of(args[0]);
        Properties config = new Properties();
        try (var reader = Files.newBufferedReader(properties)) {
            config.load(reader);
        }
        Path logDir = Path.of(config.getProperty("log.dirs"));
        if (!Files.exists(logDir.resolve("meta.properties"))) {
            int formatted = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", args[1], "-c", properties.toString(), "--ignore-formatted"},
                    System.out);
            if (formatted != 0) {
                System.err.println("Formatting Kafka storage in " + logDir + " failed");
                System.exit(formatted);
            }
        }
        kafka.Kafka.main(new String[] {properties.toString()});
    }
}
