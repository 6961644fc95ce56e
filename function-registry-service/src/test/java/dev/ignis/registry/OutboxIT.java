package dev.ignis.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.registry.outbox.ChangeLog;
import dev.ignis.registry.outbox.RegistryGeneration;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The outbox's two promises, with the real broker and the real database (see {@link TestDatabase}): a change committed by a
 * registry that stops before publishing is published by the next one, and a change whose
 * transaction rolls back is never published.
 */
class OutboxIT {

    static EmbeddedKafkaBroker kafka;

    @TempDir
    static Path home;

    /** One database for the class, so that a restarted registry finds what the stopped one wrote. */
    static Map<String, String> database;

    @BeforeAll
    static void broker() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1, ChangeTopic.NAME);
        kafka.afterPropertiesSet();
        database = TestDatabase.freshDatabase();
    }

    @AfterAll
    static void stopBroker() {
        kafka.destroy();
    }

    @Test
    void aChangeCommittedBeforeAStopIsPublishedAfterTheRestart() {
        String arn;
        long generation;
        try (ConfigurableApplicationContext registry = startRegistry(false)) {
            generation = registry.getBean(RegistryGeneration.class).value();
            arn = createFunction(registry, "survivor");
            JdbcTemplate jdbc = registry.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("select count(*) from outbox where record_key = ?", Integer.class, arn))
                    .as("the change waits in the outbox, unpublished")
                    .isEqualTo(1);
        }

        try (ConfigurableApplicationContext registry = startRegistry(true);
                ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            List<ConsumerRecord<String, byte[]>> records = topic.awaitRecords(arn, 1);
            assertThat(records).hasSize(1);
            assertThat(registry.getBean(RegistryGeneration.class).value())
                    .as("a restart keeps the database's generation")
                    .isEqualTo(generation);
            assertThat(new String(
                            records.getFirst()
                                    .headers()
                                    .lastHeader(RegistryChangeHeaders.GENERATION)
                                    .value(),
                            StandardCharsets.UTF_8))
                    .isEqualTo(Long.toString(generation));
            JdbcTemplate jdbc = registry.getBean(JdbcTemplate.class);
            awaitEmptyOutbox(jdbc);
        }
    }

    @Test
    void aRolledBackChangeIsNeverPublished() {
        try (ConfigurableApplicationContext registry = startRegistry(true);
                ChangeTopic topic = new ChangeTopic(kafka.getBrokersAsString())) {
            ChangeLog changes = registry.getBean(ChangeLog.class);
            TransactionTemplate transactions = registry.getBean(TransactionTemplate.class);
            String ghost = "arn:aws:lambda:us-east-1:000000000000:function:ghost";
            transactions.executeWithoutResult(status -> {
                changes.changed(ResourceType.FUNCTION, ghost, "r1", snapshot(ghost));
                status.setRollbackOnly();
            });
            String marker = createFunction(registry, "after-the-ghost");

            topic.awaitRecords(marker, 1);
            assertThat(topic.seenKeys()).doesNotContain(ghost);
        }
    }

    private static ConfigurableApplicationContext startRegistry(boolean relayEnabled) {
        Stream<String> args = Stream.concat(
                Stream.of(
                        "--server.port=0",
                        "--ignis.home=" + home,
                        "--ignis.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                        "--ignis.registry.outbox.relay-enabled=" + relayEnabled),
                database.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()));
        return new SpringApplicationBuilder(RegistryApplication.class)
                .profiles(TestDatabase.profiles())
                .run(args.toArray(String[]::new));
    }

    private static String createFunction(ConfigurableApplicationContext registry, String name) {
        int port = Integer.parseInt(registry.getEnvironment().getProperty("local.server.port"));
        try (LambdaClient lambda = LambdaClient.builder()
                .endpointOverride(URI.create("http://localhost:" + port))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .build()) {
            return lambda.createFunction(FunctionApiIT.create(name).build()).functionArn();
        }
    }

    private static void awaitEmptyOutbox(JdbcTemplate jdbc) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (jdbc.queryForObject("select count(*) from outbox", Integer.class) > 0) {
            assertThat(System.nanoTime()).as("outbox drained within 10 s").isLessThan(deadline);
            sleep();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static FunctionSnapshot snapshot(String arn) {
        return new FunctionSnapshot(
                "ghost",
                arn,
                "$LATEST",
                "python3.12",
                "h.h",
                128,
                3,
                512,
                "x",
                1,
                List.of(),
                null,
                "role",
                "",
                "Zip",
                List.of(),
                "Active",
                Instant.EPOCH,
                "r1",
                null);
    }
}
