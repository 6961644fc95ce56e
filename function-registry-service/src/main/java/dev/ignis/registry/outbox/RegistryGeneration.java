package dev.ignis.registry.outbox;

import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This database's generation, created on the first start against it: the time it was created, in
 * epoch milliseconds. Every published change carries it, so that a view meeting a newer one knows the
 * database was reset and rebuilds instead of taking the restarted sequence numbers for duplicates
 * ({@code RegistryGenerations} in platform-contracts).
 */
@Component
public class RegistryGeneration {

    private final long generation;

    RegistryGeneration(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.generation = transactions.execute(status -> {
            List<Long> existing = jdbc.sql("SELECT generation FROM registry_generation")
                    .query(Long.class)
                    .list();
            if (!existing.isEmpty()) {
                return existing.getFirst();
            }
            long created = clock.millis();
            jdbc.sql("INSERT INTO registry_generation (generation) VALUES (?)")
                    .param(created)
                    .update();
            return created;
        });
    }

    public long value() {
        return generation;
    }

    public String header() {
        return Long.toString(generation);
    }
}
