package dev.ignis.launcher.kafka;

import dev.ignis.launcher.config.TopicSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/** Creates the topics of {@code ignis.topics} that do not exist yet; existing ones are left alone. */
public final class TopicProvisioner {

    private TopicProvisioner() {}

    /** Returns the names of the topics it created, each with one replica (the launcher's own broker). */
    public static List<String> ensure(String bootstrapServers, List<TopicSpec> topics) {
        return ensure(bootstrapServers, topics, (short) 1, Map.of());
    }

    /**
     * Returns the names of the topics it created with {@code replicationFactor} replicas, connecting
     * with {@code clientProperties} on top of the bootstrap servers (SASL, TLS).
     */
    public static List<String> ensure(
            String bootstrapServers,
            List<TopicSpec> topics,
            short replicationFactor,
            Map<String, String> clientProperties) {
        Map<String, Object> config = new java.util.HashMap<>(clientProperties);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = topics.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(spec -> newTopic(spec, replicationFactor))
                    .toList();
            for (var result : admin.createTopics(missing).values().entrySet()) {
                try {
                    result.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return missing.stream().map(NewTopic::name).toList();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topics", e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create topics on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }

    private static NewTopic newTopic(TopicSpec spec, short replicationFactor) {
        NewTopic topic = new NewTopic(spec.name(), spec.partitions(), replicationFactor);
        return spec.compacted()
                ? topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))
                : topic;
    }
}
