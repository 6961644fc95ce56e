package dev.ignis.eventsource.schedule;

import dev.ignis.contracts.invocation.AsyncInvocation;
import dev.ignis.contracts.registry.EventRuleSnapshot.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires schedule rules on this replica: those whose fired-topic partition the consumer group gave
 * it. Each due fire time becomes one Event invocation per target on the async topic (the Scheduled
 * Event, or the target's {@code Input}) and a mark on the fired topic, in one Kafka transaction, so
 * async-queue-service's workers (reading committed records only) see a fire exactly when its mark
 * exists. Replicas never fire the same rule: a partition has one owner, and a new owner fences the
 * old one before it reads the marks (see {@link OwnedPartition}).
 *
 * <p>One thread polls the group, loads marks and fires, so a revoked partition is never fired after
 * its revocation returned.
 */
public final class ScheduleFirer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScheduleFirer.class);
    /** A rule that missed many fire times inside the grace window catches up a few per tick. */
    private static final int MAX_FIRES_PER_RULE_AND_TICK = 10;

    private final ScheduleProperties settings;
    private final ScheduleCatalog catalog;
    private final ScheduleClients clients;
    private final BooleanSupplier caughtUp;
    private final Clock clock;
    private final ScheduleMetrics metrics;
    private final String region;
    private final String accountId;
    private final FireTimes times;
    /** Touched by the firer's thread only. */
    private final Map<Integer, OwnedPartition> owned = new HashMap<>();

    private int partitionCount;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    ScheduleFirer(
            ScheduleProperties settings,
            ScheduleCatalog catalog,
            ScheduleClients clients,
            BooleanSupplier caughtUp,
            Clock clock,
            ScheduleMetrics metrics,
            String region,
            String accountId) {
        this.settings = settings;
        this.catalog = catalog;
        this.clients = clients;
        this.caughtUp = caughtUp;
        this.clock = clock;
        this.metrics = metrics;
        this.region = region;
        this.accountId = accountId;
        this.times = new FireTimes(settings.missedFireGrace());
    }

    public synchronized void start() {
        running = true;
        thread = Thread.ofPlatform().name("schedule-firer").daemon().start(this::run);
    }

    /** Stops firing and leaves the group, so the other replicas take this one's rules at once. */
    @Override
    public synchronized void close() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (running) {
            try {
                pollAndFire();
            } catch (WakeupException e) {
                // closing
            } catch (RuntimeException e) {
                log.warn("Schedule firing stopped ({}); starting again", e.toString());
                pause();
            }
        }
    }

    private void pollAndFire() {
        try (Consumer<String, byte[]> group = clients.consumer()) {
            consumer = group;
            group.subscribe(List.of(settings.firedTopic()), new Ownership(group));
            while (running) {
                for (ConsumerRecord<String, byte[]> record : group.poll(settings.tick())) {
                    OwnedPartition partition = owned.get(record.partition());
                    if (partition != null && record.value() != null) {
                        partition.remember(FiredMark.decode(record.value()));
                    }
                }
                for (OwnedPartition partition : owned.values()) {
                    partition.maintain(group);
                }
                if (caughtUp.getAsBoolean()) {
                    fireDue(clock.instant());
                }
            }
        } finally {
            release(List.copyOf(owned.keySet()));
            consumer = null;
        }
    }

    private void fireDue(Instant now) {
        if (owned.isEmpty()) {
            return;
        }
        for (ScheduledRule rule : catalog.rules()) {
            if (!rule.enabled()) {
                continue;
            }
            OwnedPartition partition = owned.get(RulePartitions.of(rule.arn(), partitionCount));
            if (partition != null && partition.ready()) {
                fireDue(partition, rule, now);
            }
        }
    }

    private void fireDue(OwnedPartition partition, ScheduledRule rule, Instant now) {
        for (int i = 0; i < MAX_FIRES_PER_RULE_AND_TICK; i++) {
            Optional<FireTimes.Next> next = times.next(rule, partition.lastFired(rule.arn()), now);
            if (next.isEmpty() || next.get().at().isAfter(now)) {
                return;
            }
            if (next.get().skippedBefore()) {
                log.info(
                        "Rule {} missed fire times older than {}; firing from {} on",
                        rule.rule().name(),
                        settings.missedFireGrace(),
                        next.get().at());
                metrics.skipped(rule.rule().name());
            }
            if (!fire(partition, rule, next.get().at())) {
                return;
            }
        }
    }

    private boolean fire(OwnedPartition partition, ScheduledRule rule, Instant fireTime) {
        String eventId = UUID.randomUUID().toString();
        String event = ScheduledEvent.json(eventId, accountId, region, rule.arn(), fireTime);
        List<ProducerRecord<String, byte[]>> invocations = new ArrayList<>();
        List<String> denied = new ArrayList<>();
        for (Target target : rule.rule().targets()) {
            if (!permitted(rule, target)) {
                denied.add(target.arn());
                continue;
            }
            AsyncInvocation invocation = new AsyncInvocation(
                    UUID.randomUUID().toString(),
                    target.arn(),
                    target.input() != null ? target.input() : event,
                    null,
                    null,
                    clock.instant(),
                    1);
            invocations.add(
                    new ProducerRecord<>(settings.asyncTopic(), target.arn(), QueuedInvocations.encode(invocation)));
        }
        if (!partition.fire(invocations, new FiredMark(rule.arn(), fireTime, eventId))) {
            metrics.failed(rule.rule().name());
            return false;
        }
        metrics.fired(rule.rule().name(), Duration.between(fireTime, clock.instant()));
        invocations.forEach(i -> metrics.target(rule.rule().name(), "queued"));
        denied.forEach(arn -> metrics.target(rule.rule().name(), "denied"));
        if (!denied.isEmpty()) {
            log.warn(
                    "Rule {} fired at {} without invoking {}: no resource policy lets {} invoke them from {}"
                            + " (aws lambda add-permission --principal {} --source-arn {})",
                    rule.rule().name(),
                    fireTime,
                    denied,
                    InvokePermission.EVENTS_PRINCIPAL,
                    rule.arn(),
                    InvokePermission.EVENTS_PRINCIPAL,
                    rule.arn());
        }
        return true;
    }

    private boolean permitted(ScheduledRule rule, Target target) {
        return !settings.requirePermission()
                || InvokePermission.allows(catalog.policy(target.arn()).orElse(null), rule.arn(), accountId);
    }

    private void release(Collection<Integer> partitions) {
        for (Integer partition : partitions) {
            OwnedPartition gone = owned.remove(partition);
            if (gone != null) {
                gone.close();
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(Duration.ofSeconds(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** The group's word on which partitions, and so which rules, this replica fires. */
    private final class Ownership implements ConsumerRebalanceListener {

        private final Consumer<String, byte[]> group;

        Ownership(Consumer<String, byte[]> group) {
            this.group = group;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            partitionCount = group.partitionsFor(settings.firedTopic()).size();
            for (TopicPartition partition : partitions) {
                OwnedPartition taken = new OwnedPartition(
                        partition,
                        () -> clients.producer(settings.transactionalIdPrefix() + "-" + partition.partition()));
                owned.put(partition.partition(), taken);
                try {
                    taken.take(group);
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    log.warn("Cannot take schedule partition {} yet ({}); trying again", partition, e.toString());
                }
            }
            log.info("Firing the schedule rules of partitions {}", owned.keySet());
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            release(partitions.stream().map(TopicPartition::partition).toList());
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }
    }
}
