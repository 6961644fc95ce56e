package dev.ignis.registry;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * The registry running for real (Tomcat, a real database — H2 in a temporary home, or PostgreSQL as
 * {@link TestDatabase} chooses — and a real Kafka broker) and an AWS SDK client pointed at it. Each
 * test class gets a fresh service and an empty database; every test leaves no function.
 */
// No data plane runs beside these tests (ReadYourWritesIT gives the registry one, overriding this).
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "ignis.registry.read-your-writes.enabled=false")
@EmbeddedKafka(partitions = 1, topics = ChangeTopic.NAME)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ActiveProfiles(resolver = TestDatabase.Profiles.class)
abstract class RegistryIT {

    @TempDir
    static Path home;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("ignis.home", home::toString);
        registry.add("ignis.kafka.bootstrap-servers", () -> System.getProperty("spring.embedded.kafka.brokers"));
        TestDatabase.freshDatabase().forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;

    @Autowired
    EmbeddedKafkaBroker kafka;

    LambdaClient lambda;

    @BeforeEach
    void client() {
        lambda = Lambdas.client(port);
    }

    @AfterEach
    void cleanUp() {
        Lambdas.deleteAll(lambda);
        lambda.close();
    }
}
