package dev.ignis.eventsource.schedule;

import static dev.ignis.eventsource.schedule.Schedules.ACCOUNT;
import static dev.ignis.eventsource.schedule.Schedules.FUNCTIONS;
import static dev.ignis.eventsource.schedule.Schedules.REGION;
import static dev.ignis.eventsource.schedule.Schedules.RULES;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.registry.EventRuleSnapshot;
import dev.ignis.contracts.registry.RegistryRecord;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.contracts.registry.ScheduleSnapshot;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Firers against a real KRaft broker (spring-kafka-test's), with transactions: a {@code rate(1 minute)}
 * rule, its minute shortened to a second, fires into the async topic with EventBridge's shape, and
 * every due fire time is fired exactly once while two replicas share the rules and one of them is
 * stopped and started again; Scheduler schedules fire their Input through the same firer, within
 * their dates, and a one-time one with ActionAfterCompletion DELETE once. What the tests read is what
 * async-queue-service's workers read: the committed records only.
 */
@EmbeddedKafka(
        partitions = 3,
        brokerProperties = {"transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1"})
class ScheduleFiringIT {

    static final AtomicInteger TOPICS = new AtomicInteger();
    static final JsonMapper JSON = JsonMapper.builder().build();

    final EmbeddedKafkaBroker broker = EmbeddedKafkaCondition.getBroker();
    final List<ScheduleFirer> firers = new ArrayList<>();
    final String firedTopic = "fired-" + TOPICS.incrementAndGet();
    final String asyncTopic = "async-" + TOPICS.get();
    final ScheduleProperties settings = Schedules.settings(firedTopic, asyncTopic, "t" + TOPICS.get());
    /** What the registry does with a completed schedule: deletes it, which the view hears as a tombstone. */
    final List<ScheduledSchedule> completed = new CopyOnWriteArrayList<>();

    CompletedSchedules completions = schedule -> completed.add(schedule);

    @AfterEach
    void stopFirers() {
        firers.forEach(ScheduleFirer::close);
    }

    @Test
    void aRateRuleFiresTheScheduledEventOrItsInputIntoTheAsyncQueueForPermittedTargetsOnly() {
        broker.addTopics(firedTopic, asyncTopic);
        Instant since = Instant.now();
        var rule = Schedules.rule(
                "every-minute",
                "rate(1 minute)",
                since,
                Schedules.target("1", "ticker", null),
                Schedules.target("2", "reporter", "{\"job\":\"report\"}"),
                Schedules.target("3", "stranger", null));
        ScheduleCatalog catalog = catalog(
                Schedules.record(rule),
                Schedules.record(Schedules.eventsMayInvoke("ticker", rule.ruleArn())),
                Schedules.record(Schedules.eventsMayInvoke("reporter", RULES + "*")));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        start(catalog, meters);

        List<ConsumerRecord<String, byte[]>> queued = awaitQueued(records -> records.stream()
                        .filter(r -> r.key().equals(FUNCTIONS + "ticker"))
                        .count()
                >= 2);

        ConsumerRecord<String, byte[]> first = queued.stream()
                .filter(r -> r.key().equals(FUNCTIONS + "ticker"))
                .findFirst()
                .orElseThrow();
        JsonNode invocation = JSON.readTree(first.value());
        assertThat(invocation.path("functionArn").asString()).isEqualTo(FUNCTIONS + "ticker");
        assertThat(invocation.path("attempt").asInt()).isEqualTo(1);
        assertThat(invocation.path("requestId").asString()).hasSize(36);
        assertThat(Instant.parse(invocation.path("receivedAt").asString())).isAfter(since);
        assertThat(invocation.path("clientContextBase64").isNull()).isTrue();
        JsonNode event = invocation.path("payload");
        assertThat(event.isObject())
                .as("the payload is embedded as JSON, not as text")
                .isTrue();
        assertThat(event.propertyNames())
                .containsExactly(
                        "version", "id", "detail-type", "source", "account", "time", "region", "resources", "detail");
        assertThat(event.path("version").asString()).isEqualTo("0");
        assertThat(event.path("id").asString()).hasSize(36);
        assertThat(event.path("detail-type").asString()).isEqualTo("Scheduled Event");
        assertThat(event.path("source").asString()).isEqualTo("aws.events");
        assertThat(event.path("account").asString()).isEqualTo(ACCOUNT);
        assertThat(event.path("region").asString()).isEqualTo(REGION);
        assertThat(event.path("resources").toString()).isEqualTo("[\"" + rule.ruleArn() + "\"]");
        assertThat(event.path("detail").toString()).isEqualTo("{}");
        Instant time = Instant.parse(event.path("time").asString());
        assertThat(event.path("time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(time).isAfter(since.truncatedTo(ChronoUnit.SECONDS));

        JsonNode reported = queued.stream()
                .filter(r -> r.key().equals(FUNCTIONS + "reporter"))
                .map(r -> JSON.readTree(r.value()))
                .findFirst()
                .orElseThrow();
        assertThat(reported.path("payload").toString()).isEqualTo("{\"job\":\"report\"}");
        assertThat(queued).noneMatch(r -> r.key().equals(FUNCTIONS + "stranger"));
        assertThat(meters.counter("ignis.schedule.targets", "rule", "every-minute", "outcome", "denied")
                        .count())
                .isPositive();
        assertThat(meters.timer("ignis.schedule.lateness", "rule", "every-minute")
                        .count())
                .isPositive();
    }

    @Test
    void twoReplicasAndARestartFireEveryDueTimeExactlyOnce() throws Exception {
        broker.addTopics(firedTopic, asyncTopic);
        Instant since = Instant.now();
        List<String> names = rulesOverEveryPartition(3);
        List<RegistryRecord> records = new ArrayList<>();
        for (String name : names) {
            var rule = Schedules.rule(name, "rate(1 minute)", since, Schedules.target("1", "fn-" + name, null));
            records.add(Schedules.record(rule));
            records.add(Schedules.record(Schedules.eventsMayInvoke("fn-" + name, rule.ruleArn())));
        }
        var recordsArray = records.toArray(RegistryRecord[]::new);

        SimpleMeterRegistry metersA = new SimpleMeterRegistry();
        SimpleMeterRegistry metersB = new SimpleMeterRegistry();
        SimpleMeterRegistry metersRestarted = new SimpleMeterRegistry();
        ScheduleFirer a = start(catalog(recordsArray), metersA);
        start(catalog(recordsArray), metersB);
        awaitFires(metersA, 3);
        awaitFires(metersB, 3);
        a.close();
        firers.remove(a);
        Thread.sleep(2_000);
        start(catalog(recordsArray), metersRestarted);
        awaitFires(metersRestarted, 3);
        stopFirers();
        firers.clear();

        Map<String, List<Instant>> times = fireTimesByRule();
        assertThat(times.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        names.stream().map(n -> RULES + n).toList());
        times.forEach((rule, fired) -> assertEveryTimeOnceFromTheFirst(rule, fired, since));
    }

    @Test
    void aReplicaStoppedAndStartedAgainFiresWhatItMissedMeanwhileLate_withinTheGraceWindow() throws Exception {
        broker.addTopics(firedTopic, asyncTopic);
        Instant since = Instant.now();
        var rule = Schedules.rule("restarted", "rate(1 minute)", since, Schedules.target("1", "fn-restarted", null));
        var records = new RegistryRecord[] {
            Schedules.record(rule), Schedules.record(Schedules.eventsMayInvoke("fn-restarted", rule.ruleArn()))
        };
        SimpleMeterRegistry before = new SimpleMeterRegistry();
        ScheduleFirer first = start(catalog(records), before);
        awaitFires(before, 2);
        first.close();
        firers.remove(first);
        Thread.sleep(3_000);
        SimpleMeterRegistry after = new SimpleMeterRegistry();
        start(catalog(records), after);
        awaitFires(after, 5);
        stopFirers();
        firers.clear();

        // The three seconds nobody fired are there too: no gap from the first fire time to the last.
        assertEveryTimeOnceFromTheFirst(rule.ruleArn(), fireTimesByRule().get(rule.ruleArn()), since);
    }

    @Test
    void aDisabledRuleStopsFiring() throws Exception {
        broker.addTopics(firedTopic, asyncTopic);
        Instant since = Instant.now();
        var rule = Schedules.rule("switched-off", "rate(1 minute)", since, Schedules.target("1", "fn-off", null));
        ScheduleCatalog catalog =
                catalog(Schedules.record(rule), Schedules.record(Schedules.eventsMayInvoke("fn-off", rule.ruleArn())));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        start(catalog, meters);
        awaitFires(meters, 2);

        Instant disabledAt = Instant.now();
        catalog.onRecord(Schedules.record(new EventRuleSnapshot(
                rule.name(),
                rule.ruleArn(),
                "default",
                rule.scheduleExpression(),
                EventRuleSnapshot.DISABLED,
                null,
                rule.targets(),
                since,
                since,
                disabledAt)));
        Thread.sleep(3_000);
        stopFirers();
        firers.clear();

        assertThat(fireTimesByRule().get(rule.ruleArn()))
                .as("nothing scheduled after the rule was disabled fired (one in flight at most)")
                .allMatch(t -> !t.isAfter(disabledAt.plusSeconds(1)));
    }

    @Test
    void aScheduleFiresItsInputVerbatimWithoutAnyResourcePolicy() {
        broker.addTopics(firedTopic, asyncTopic);
        Instant since = Instant.now();
        ScheduleCatalog catalog = catalog(
                Schedules.record(Schedules.schedule(
                        "with-input", "rate(1 minute)", "Europe/Berlin", since, "s-in", "{\"a\":1}")),
                Schedules.record(Schedules.schedule("without-input", "rate(1 minute)", "UTC", since, "s-none", null)));
        start(catalog, new SimpleMeterRegistry());

        List<ConsumerRecord<String, byte[]>> queued =
                awaitQueued(records -> count(records, "s-in") >= 2 && count(records, "s-none") >= 2);

        JsonNode withInput = JSON.readTree(queued.stream()
                .filter(r -> r.key().equals(FUNCTIONS + "s-in"))
                .findFirst()
                .orElseThrow()
                .value());
        assertThat(withInput.path("functionArn").asString()).isEqualTo(FUNCTIONS + "s-in");
        assertThat(withInput.path("payload").toString()).isEqualTo("{\"a\":1}");
        assertThat(withInput.path("attempt").asInt()).isEqualTo(1);
        JsonNode withoutInput = JSON.readTree(queued.stream()
                .filter(r -> r.key().equals(FUNCTIONS + "s-none"))
                .findFirst()
                .orElseThrow()
                .value());
        assertThat(withoutInput.path("payload").toString()).isEqualTo(ScheduledSchedule.NO_INPUT);
    }

    @Test
    void disabledDeletedAndEndedSchedulesDoNotFire() throws Exception {
        broker.addTopics(firedTopic, asyncTopic);
        Instant since = Instant.now();
        var off = Schedules.schedule("off", "rate(1 minute)", "UTC", since, "s-off", "{}");
        var disabled = new ScheduleSnapshot(
                off.name(),
                off.groupName(),
                off.arn(),
                off.scheduleExpression(),
                off.timezone(),
                null,
                null,
                ScheduleSnapshot.DISABLED,
                null,
                off.flexibleTimeWindow(),
                off.target(),
                "NONE",
                since,
                since,
                since,
                since);
        var doomed = Schedules.schedule("doomed", "rate(1 minute)", "UTC", since, "s-doomed", "{}");
        var limited = Schedules.schedule("limited", "rate(1 minute)", "UTC", since, "s-limited", "{}");
        var ending = new ScheduleSnapshot(
                limited.name(),
                limited.groupName(),
                limited.arn(),
                limited.scheduleExpression(),
                "UTC",
                since,
                since.plusMillis(2_500),
                ScheduleSnapshot.ENABLED,
                null,
                limited.flexibleTimeWindow(),
                limited.target(),
                "NONE",
                since,
                since,
                since,
                since);
        ScheduleCatalog catalog =
                catalog(Schedules.record(disabled), Schedules.record(doomed), Schedules.record(ending));
        start(catalog, new SimpleMeterRegistry());
        awaitQueued(records -> count(records, "s-doomed") >= 2);

        catalog.onRecord(RegistryRecord.tombstone(doomed.arn(), ResourceType.SCHEDULE, Long.MAX_VALUE));
        Thread.sleep(500);
        long doomedFires = count(readQueued(), "s-doomed");
        Thread.sleep(3_000);
        List<ConsumerRecord<String, byte[]>> queued = readQueued();

        assertThat(count(queued, "s-off")).as("a disabled schedule never fires").isZero();
        assertThat(count(queued, "s-doomed"))
                .as("a deleted schedule fires no more")
                .isEqualTo(doomedFires);
        assertThat(count(queued, "s-limited"))
                .as("a rate starting at StartDate fires at it and each period until EndDate, not after")
                .isEqualTo(3);
        assertThat(completed).as("action NONE: nothing to delete").isEmpty();
    }

    @Test
    void anAtScheduleInItsZoneFiresOnceAndIsThenDeleted() throws Exception {
        broker.addTopics(firedTopic, asyncTopic);
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(3);
        String berlinWallTime =
                at.atZone(ZoneId.of("Europe/Berlin")).toLocalDateTime().toString();
        var once = Schedules.schedule(
                "once", "at(" + berlinWallTime + ")", "Europe/Berlin", Instant.now(), "s-once", "{\"once\":true}");
        var deleteAfter = new ScheduleSnapshot(
                once.name(),
                once.groupName(),
                once.arn(),
                once.scheduleExpression(),
                once.timezone(),
                null,
                null,
                ScheduleSnapshot.ENABLED,
                null,
                once.flexibleTimeWindow(),
                once.target(),
                "DELETE",
                once.scheduledSince(),
                once.activeSince(),
                once.creationDate(),
                once.lastModified());
        ScheduleCatalog catalog = catalog(Schedules.record(deleteAfter));
        completions = schedule -> {
            completed.add(schedule);
            catalog.onRecord(RegistryRecord.tombstone(schedule.arn(), ResourceType.SCHEDULE, Long.MAX_VALUE));
        };
        start(catalog, new SimpleMeterRegistry());

        List<ConsumerRecord<String, byte[]>> queued = awaitQueued(records -> count(records, "s-once") >= 1);
        assertThat(Instant.now()).as("not before its time").isAfterOrEqualTo(at);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (completed.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1_500);

        assertThat(completed).extracting(Scheduled::arn).containsExactly(once.arn());
        assertThat(count(readQueued(), "s-once")).as("fired once").isEqualTo(1);
        assertThat(JSON.readTree(queued.getFirst().value()).path("payload").toString())
                .isEqualTo("{\"once\":true}");
    }

    private static long count(List<ConsumerRecord<String, byte[]>> records, String function) {
        return records.stream()
                .filter(r -> r.key().equals(FUNCTIONS + function))
                .count();
    }

    private Map<String, List<Instant>> fireTimesByRule() {
        Map<String, List<Instant>> times = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : readQueued()) {
            JsonNode event = JSON.readTree(record.value()).path("payload");
            String rule = event.path("resources").get(0).asString();
            times.computeIfAbsent(rule, r -> new ArrayList<>())
                    .add(Instant.parse(event.path("time").asString()));
        }
        return times;
    }

    /** Every fire time from the rule's first (one minute, here a second, after it was created) to its last, each once. */
    private static void assertEveryTimeOnceFromTheFirst(String rule, List<Instant> fired, Instant since) {
        assertThat(new HashSet<>(fired)).as("no fire time twice: " + rule).hasSameSizeAs(fired);
        List<Instant> sorted = fired.stream().sorted().toList();
        long span = Duration.between(sorted.getFirst(), sorted.getLast()).toSeconds() + 1;
        assertThat(fired)
                .as("no fire time missed between the first and the last: " + rule)
                .hasSize((int) span);
        assertThat(sorted.getFirst())
                .as("the first fire time is the rule's first after it was created: " + rule)
                .isEqualTo(since.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1));
    }

    /** Waits until a replica has fired this often (its partitions assigned and loaded), at most a minute. */
    private static void awaitFires(SimpleMeterRegistry meters, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (fires(meters) < count && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(fires(meters)).as("a replica fired in time").isGreaterThanOrEqualTo(count);
    }

    private static double fires(SimpleMeterRegistry meters) {
        return meters.find("ignis.schedule.fires").counters().stream()
                .mapToDouble(c -> c.count())
                .sum();
    }

    /** Rule names that hash onto every partition of the fired topic, two each, so both replicas hold some. */
    private static List<String> rulesOverEveryPartition(int partitions) {
        List<String> names = new ArrayList<>();
        int[] perPartition = new int[partitions];
        for (int i = 0; names.size() < 2 * partitions; i++) {
            String name = "rule-" + i;
            int partition = RulePartitions.of(RULES + name, partitions);
            if (perPartition[partition] < 2) {
                perPartition[partition]++;
                names.add(name);
            }
        }
        return names;
    }

    private ScheduleCatalog catalog(RegistryRecord... records) {
        ScheduleCatalog catalog = new ScheduleCatalog(settings.minuteLength());
        for (var record : records) {
            catalog.onRecord(record);
        }
        return catalog;
    }

    private ScheduleFirer start(ScheduleCatalog catalog, SimpleMeterRegistry meters) {
        Map<String, Object> common = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        ScheduleFirer firer = new ScheduleFirer(
                settings,
                catalog,
                new ScheduleClients(common, common, settings.group()),
                () -> true,
                Clock.systemUTC(),
                new ScheduleMetrics(meters),
                REGION,
                ACCOUNT,
                completions);
        firer.start();
        firers.add(firer);
        return firer;
    }

    private List<ConsumerRecord<String, byte[]>> awaitQueued(Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = committedReader()) {
            while (System.nanoTime() < deadline && !done.test(seen)) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        assertThat(done.test(seen)).as("queued in time: " + seen.size()).isTrue();
        return seen;
    }

    /** Everything committed on the async topic, read to its end. */
    private List<ConsumerRecord<String, byte[]>> readQueued() {
        List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = committedReader()) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            }
        }
        return seen;
    }

    private KafkaConsumer<String, byte[]> committedReader() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        broker.getBrokersAsString(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(asyncTopic).stream()
                .map(p -> new TopicPartition(asyncTopic, p.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }
}
