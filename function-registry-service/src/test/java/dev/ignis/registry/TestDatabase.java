package dev.ignis.registry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The database the integration tests run against, chosen by the system property
 * {@value #PROPERTY}: {@code h2} (the default, a file under each test's Ignis home) or
 * {@code postgres} (a real PostgreSQL server from Maven Central, started once per test JVM, with
 * a fresh database for every registry started). The failsafe plugin runs the suite once per value.
 */
public final class TestDatabase {

    public static final String PROPERTY = "ignis.test.database";

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private TestDatabase() {}

    public static boolean isPostgres() {
        return switch (System.getProperty(PROPERTY, "h2")) {
            case "h2" -> false;
            case "postgres" -> true;
            case String other -> throw new IllegalStateException(PROPERTY + " is h2 or postgres, not " + other);
        };
    }

    /** The Spring profiles a registry under test runs with: the shipped {@code postgres} profile on PostgreSQL. */
    public static String[] profiles() {
        return isPostgres() ? new String[] {"postgres"} : new String[0];
    }

    /**
     * Datasource properties of a new, empty database on the shared server; none on H2, whose file
     * lives under the test's own Ignis home and so is new already.
     */
    public static Map<String, String> freshDatabase() {
        if (!isPostgres()) {
            return Map.of();
        }
        EmbeddedPostgres server = Server.INSTANCE;
        String name = "registry_" + DATABASES.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return Map.of(
                "spring.datasource.url", server.getJdbcUrl("postgres", name),
                "spring.datasource.username", "postgres",
                "spring.datasource.password", "");
    }

    /** For {@code @ActiveProfiles(resolver = ...)}. */
    public static final class Profiles implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            return profiles();
        }
    }

    /** Started on first use; the library's shutdown hook stops it when the test JVM exits. */
    private static final class Server {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                return EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot start the embedded PostgreSQL server", e);
            }
        }
    }
}
