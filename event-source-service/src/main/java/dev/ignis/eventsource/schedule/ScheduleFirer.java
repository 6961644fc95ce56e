package dev.ignis.eventsource.schedule;

import dev.ignis.contracts.invocation.AsyncInvocation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * Fires schedule rules and Scheduler schedules ({@link Scheduled}) on this replica: those whose
 * fired-topic partition the consumer group gave it. Each due fire time becomes one Event invocation
 * per delivery on the async topic and a mark on the fired topic, in one Kafka transaction, so
 * async-queue-service's workers (reading committed records only) see a fire exactly when its mark
 * exists. Replicas never fire the same one: a partition has one owner, and a new owner fences the
 * old one before it reads the marks (see {@link OwnedPartition}). A schedule that is to be deleted
 * after its last fire is handed to {@link CompletedSchedules} once that fire committed.
 *
 * <p>One thread polls the group, loads marks and fires, so a revoked partition is never fired after
 * its revocation returned.
 */
public final class ScheduleFirer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ScheduleFirer.class);
    /** One that missed many fire times inside the grace window catches up a few per tick. */
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
    private final CompletedSchedules completed;
    /** Touched by the firer's thread only. */
    private final Map<Integer, OwnedPartition> owned = new HashMap<>();
    /**
     * Schedules already handed to {@link #completed}, by ARN and last change (a schedule made again
     * under the same name is another one); touched by the firer's thread only.
     */
    private final Set<String> completionsAsked = new HashSet<>();

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
            String accountId,
            CompletedSchedules completed) {
        this.settings = settings;
        this.catalog = catalog;
        this.clients = clients;
        this.caughtUp = caughtUp;
        this.clock = clock;
        this.metrics = metrics;
        this.region = region;
        this.accountId = accountId;
        this.times = new FireTimes(settings.missedFireGrace());
        this.completed = completed;
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
        for (Scheduled scheduled : catalog.scheduled()) {
            if (!scheduled.enabled()) {
                continue;
            }
            OwnedPartition partition = owned.get(RulePartitions.of(scheduled.arn(), partitionCount));
            if (partition != null && partition.ready()) {
                fireDue(partition, scheduled, now);
            }
        }
    }

    private void fireDue(OwnedPartition partition, Scheduled scheduled, Instant now) {
        for (int i = 0; i < MAX_FIRES_PER_RULE_AND_TICK; i++) {
            Optional<FireTimes.Next> next = times.next(scheduled, partition.lastFired(scheduled.arn()), now);
            if (next.isEmpty()) {
                askToDeleteIfCompleted(partition, scheduled);
                return;
            }
            if (next.get().at().isAfter(now)) {
                return;
            }
            if (next.get().skippedBefore()) {
                log.info(
                        "{} missed fire times older than {}; firing from {} on",
                        scheduled.name(),
                        settings.missedFireGrace(),
                        next.get().at());
                metrics.skipped(scheduled.name());
            }
            if (!fire(partition, scheduled, next.get().at())) {
                return;
            }
        }
    }

    /** A schedule that fired and will not fire again is deleted if it asked for that. */
    private void askToDeleteIfCompleted(OwnedPartition partition, Scheduled scheduled) {
        if (scheduled instanceof ScheduledSchedule schedule
                && schedule.deletesAfterCompletion()
                && partition.lastFired(schedule.arn()) != null
                && completionsAsked.add(
                        schedule.arn() + "@" + schedule.schedule().lastModified())) {
            completed.completed(schedule);
        }
    }

    private boolean fire(OwnedPartition partition, Scheduled scheduled, Instant fireTime) {
        String eventId = UUID.randomUUID().toString();
        List<ProducerRecord<String, byte[]>> invocations = new ArrayList<>();
        List<Scheduled.Delivery> denied = new ArrayList<>();
        for (Scheduled.Delivery delivery :
                scheduled.deliveries(new Scheduled.Fire(eventId, fireTime, accountId, region))) {
            if (!permitted(delivery)) {
                denied.add(delivery);
                continue;
            }
            AsyncInvocation invocation = new AsyncInvocation(
                    UUID.randomUUID().toString(),
                    delivery.functionArn(),
                    delivery.payload(),
                    null,
                    null,
                    clock.instant(),
                    1);
            invocations.add(new ProducerRecord<>(
                    settings.asyncTopic(), delivery.functionArn(), QueuedInvocations.encode(invocation)));
        }
        if (!partition.fire(invocations, new FiredMark(scheduled.arn(), fireTime, eventId))) {
            metrics.failed(scheduled.name());
            return false;
        }
        metrics.fired(scheduled.name(), Duration.between(fireTime, clock.instant()));
        invocations.forEach(i -> metrics.target(scheduled.name(), "queued"));
        denied.forEach(d -> metrics.target(scheduled.name(), "denied"));
        if (!denied.isEmpty()) {
            log.warn(
                    "Rule {} fired at {} without invoking {}: no resource policy lets {} invoke them from {}"
                            + " (aws lambda add-permission --principal {} --source-arn {})",
                    scheduled.name(),
                    fireTime,
                    denied.stream().map(Scheduled.Delivery::functionArn).toList(),
                    InvokePermission.EVENTS_PRINCIPAL,
                    scheduled.arn(),
                    InvokePermission.EVENTS_PRINCIPAL,
                    scheduled.arn());
        }
        return true;
    }

    /** A rule's target needs the function's resource policy; a schedule invokes with its role. */
    private boolean permitted(Scheduled.Delivery delivery) {
        return delivery.permissionSource() == null
                || !settings.requirePermission()
                || InvokePermission.allows(
                        catalog.policy(delivery.functionArn()).orElse(null), delivery.permissionSource(), accountId);
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
