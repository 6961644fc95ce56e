package dev.ignis.registry.outbox;

import dev.ignis.contracts.registry.RegistryChangeHeaders;
import dev.ignis.registry.config.RegistryProperties;
import dev.ignis.registry.worker.BackgroundWorker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes outbox rows in sequence order and deletes them only after the broker acknowledged
 * (acks=all). A crash between commit and publish leaves the rows for the next start; a crash
 * between publish and delete publishes them again — consumers de-duplicate by sequence.
 */
@Component
class OutboxRelay extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final OutboxRepository outbox;
    private final KafkaTemplate<String, byte[]> kafka;
    private final TransactionTemplate transactions;
    private final RegistryProperties.Outbox settings;
    private final AtomicLong lastPublished = new AtomicLong(-1);
    /** Released on every commit, so a write waiting for its change is published at once, not a poll later. */
    private final Semaphore committed = new Semaphore(0);

    private final byte[] generation;

    OutboxRelay(
            OutboxRepository outbox,
            KafkaTemplate<String, byte[]> kafka,
            TransactionTemplate transactions,
            RegistryProperties properties,
            RegistryGeneration generation) {
        super("outbox-relay");
        this.generation = generation.header().getBytes(StandardCharsets.UTF_8);
        this.outbox = outbox;
        this.kafka = kafka;
        this.transactions = transactions;
        this.settings = properties.outbox();
    }

    @Override
    protected boolean enabled() {
        if (!settings.relayEnabled()) {
            log.warn("The outbox relay is disabled: changes are recorded but not published");
            return false;
        }
        return true;
    }

    /** A change committed: publish without waiting for the next poll. */
    void wake() {
        committed.release();
    }

    long lastPublishedSequence() {
        return lastPublished.get();
    }

    @Override
    protected void loop() {
        Duration backoff = settings.pollInterval();
        while (running()) {
            try {
                int published = publishBatch();
                backoff = settings.pollInterval();
                if (published == 0) {
                    committed.tryAcquire(settings.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
                    committed.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("Publishing registry changes failed, retrying in {}: {}", backoff, e.getMessage());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    /** Sends one batch and waits for every acknowledgement before deleting it. */
    int publishBatch() throws InterruptedException {
        List<OutboxEntry> batch = outbox.findAllByOrderByIdAsc(Limit.of(settings.batchSize()));
        if (batch.isEmpty()) {
            return 0;
        }
        List<CompletableFuture<?>> acks = new ArrayList<>();
        for (OutboxEntry entry : batch) {
            acks.add(kafka.send(toRecord(entry)));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not acknowledge: " + e.getMessage(), e);
        }
        transactions.executeWithoutResult(status ->
                outbox.deleteAllByIdInBatch(batch.stream().map(OutboxEntry::id).toList()));
        lastPublished.set(batch.getLast().id());
        return batch.size();
    }

    Instant oldestPendingSince() {
        return outbox.findFirstByOrderByIdAsc().map(OutboxEntry::createdAt).orElse(null);
    }

    long pending() {
        return outbox.count();
    }

    private ProducerRecord<String, byte[]> toRecord(OutboxEntry entry) {
        byte[] value = entry.payload() == null ? null : entry.payload().getBytes(StandardCharsets.UTF_8);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(settings.topic(), entry.recordKey(), value);
        record.headers()
                .add(RegistryChangeHeaders.RESOURCE_TYPE, entry.resourceType().getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(RegistryChangeHeaders.SEQUENCE, Long.toString(entry.id()).getBytes(StandardCharsets.UTF_8));
        record.headers().add(RegistryChangeHeaders.GENERATION, generation);
        return record;
    }
}
