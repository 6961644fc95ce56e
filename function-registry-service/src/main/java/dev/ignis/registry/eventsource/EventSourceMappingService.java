package dev.ignis.registry.eventsource;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.arn.LambdaArns;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.Kafka;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceAccess;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceKind;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.registry.alias.AliasService;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.config.RegistryProperties;
import dev.ignis.registry.eventsource.EventSourceMappingApi.CreateRequest;
import dev.ignis.registry.eventsource.EventSourceMappingApi.Filter;
import dev.ignis.registry.eventsource.EventSourceMappingApi.Settings;
import dev.ignis.registry.eventsource.EventSourceMappingApi.SourceAccessConfiguration;
import dev.ignis.registry.eventsource.EventSourceMappingApi.UpdateRequest;
import dev.ignis.registry.function.FunctionDeleted;
import dev.ignis.registry.function.FunctionService;
import dev.ignis.registry.function.FunctionViews;
import dev.ignis.registry.outbox.ChangeLog;
import dev.ignis.registry.version.VersionService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Event source mappings of SQS queues, Kinesis streams and self-managed Kafka topics. A change is
 * committed in a transitional state ({@code Creating}, {@code Updating}/{@code Enabling}/
 * {@code Disabling}, {@code Deleting}) and answered at once; the pollers' {@link #report}s move it on.
 * Every state is an EVENT_SOURCE_MAPPING change keyed by the mapping ARN; the end of a delete, and
 * deleting the function, records its tombstone.
 */
@Service
class EventSourceMappingService {

    static final String NOT_FOUND = "The resource you requested does not exist.";
    private static final String LATEST = "$LATEST";

    private final EventSourceMappingRepository mappings;
    private final FunctionService functions;
    private final VersionService versions;
    private final AliasService aliases;
    private final FunctionViews views;
    private final ChangeLog changes;
    private final RegistryProperties properties;
    private final Clock clock;

    EventSourceMappingService(
            EventSourceMappingRepository mappings,
            FunctionService functions,
            VersionService versions,
            AliasService aliases,
            FunctionViews views,
            ChangeLog changes,
            RegistryProperties properties,
            Clock clock) {
        this.mappings = mappings;
        this.functions = functions;
        this.versions = versions;
        this.aliases = aliases;
        this.views = views;
        this.changes = changes;
        this.properties = properties;
        this.clock = clock;
    }

    /** The function a mapping invokes: its name and the (possibly qualified) ARN it was named by. */
    private record Target(String functionName, String functionArn) {}

    @Transactional
    EventSourceMappingSnapshot create(CreateRequest r) {
        SourceKind kind = MappingRules.kindOf(r);
        MappingRules.checkSettings(kind, r);
        MappingRules.checkCreate(kind, r);
        if (kind == SourceKind.KAFKA) {
            MappingRules.checkKafkaDestination(r, r.topics().getFirst());
        }
        Target target = target(r.functionName());
        EventSourceMappingEntity m = new EventSourceMappingEntity();
        m.uuid = UUID.randomUUID().toString();
        m.sourceKind = kind;
        m.functionName = target.functionName();
        m.functionArn = target.functionArn();
        m.enabled = !Boolean.FALSE.equals(r.enabled());
        m.batchSize = Optional.ofNullable(r.batchSize()).orElse(MappingRules.defaultBatchSize(kind));
        m.maximumBatchingWindow = r.maximumBatchingWindowInSeconds() != null
                ? r.maximumBatchingWindowInSeconds()
                : (kind == SourceKind.KAFKA ? null : 0);
        if (kind == SourceKind.KAFKA) {
            List<String> servers = MappingRules.servers(r);
            String group = r.selfManagedKafkaEventSourceConfig() == null
                            || r.selfManagedKafkaEventSourceConfig().consumerGroupId() == null
                    ? m.uuid
                    : r.selfManagedKafkaEventSourceConfig().consumerGroupId();
            m.kafka = new Kafka(servers, r.topics(), group, access(r.sourceAccessConfigurations()));
            m.sourceKey = "kafka:" + String.join(",", servers.stream().sorted().toList()) + "/"
                    + r.topics().getFirst();
        } else {
            m.eventSourceArn = r.eventSourceArn();
            m.sourceKey = r.eventSourceArn();
        }
        if (kind != SourceKind.SQS) {
            m.startingPosition = r.startingPosition();
            m.startingPositionTimestamp = epochSeconds(r.startingPositionTimestamp());
        }
        if (kind == SourceKind.KINESIS) {
            m.parallelizationFactor = 1;
            m.maximumRetryAttempts = -1;
            m.maximumRecordAgeInSeconds = -1;
            m.bisectBatchOnFunctionError = false;
        }
        apply(m, r);
        refuseDuplicate(m, target);
        m.state = MappingStates.CREATING;
        return save(m);
    }

    @Transactional(readOnly = true)
    EventSourceMappingSnapshot get(String uuid) {
        return snapshot(load(uuid));
    }

    /** Changes what the request carries; turning the mapping on or off shows as Enabling or Disabling. */
    @Transactional
    EventSourceMappingSnapshot update(String uuid, UpdateRequest r) {
        EventSourceMappingEntity m = load(uuid);
        refuseWhileDeleting(m);
        MappingRules.checkSettings(m.sourceKind, r);
        if (m.kafka != null) {
            MappingRules.checkKafkaDestination(r, m.kafka.topics().getFirst());
        }
        if (r.functionName() != null) {
            Target target = target(r.functionName());
            if (!target.functionArn().equals(m.functionArn)) {
                m.functionName = target.functionName();
                m.functionArn = target.functionArn();
                refuseDuplicate(m, target);
            }
        }
        boolean wasEnabled = m.enabled;
        Optional.ofNullable(r.enabled()).ifPresent(v -> m.enabled = v);
        apply(m, r);
        m.state = MappingStates.afterUpdate(wasEnabled, m.enabled);
        return save(m);
    }

    /** Answers {@code Deleting}; the mapping is gone once a poller reports it stopped. */
    @Transactional
    EventSourceMappingSnapshot delete(String uuid) {
        EventSourceMappingEntity m = load(uuid);
        refuseWhileDeleting(m);
        m.state = MappingStates.DELETING;
        return save(m);
    }

    /**
     * Mappings in creation order, filtered by function (an unqualified name matches every qualifier,
     * a qualified one only itself) and by source ARN; a page starts after the mapping {@code marker} names.
     */
    @Transactional(readOnly = true)
    List<EventSourceMappingSnapshot> list(String functionName, String eventSourceArn, String marker, int limit) {
        Optional<FunctionRef> function = Optional.ofNullable(functionName).map(FunctionRef::parse);
        List<EventSourceMappingEntity> all = mappings.findAllByOrderByIdAsc();
        long after = 0;
        if (marker != null) {
            after = all.stream()
                    .filter(m -> m.uuid.equals(marker))
                    .findFirst()
                    .orElseThrow(() -> LambdaApiException.invalidParameter("Invalid marker: " + marker))
                    .id;
        }
        long start = after;
        return all.stream()
                .filter(m -> m.id > start)
                .filter(m -> eventSourceArn == null || eventSourceArn.equals(m.eventSourceArn))
                .filter(m -> function.map(f -> matches(f, m)).orElse(true))
                .limit(limit)
                .map(this::snapshot)
                .toList();
    }

    /**
     * Takes a poller's report: the state it reached and how its last batch went. Only a report
     * about the mapping's current configuration counts; one that changes nothing publishes nothing.
     */
    @Transactional
    MappingStatusReport.Outcome report(String uuid, MappingStatusReport report) {
        EventSourceMappingEntity m = mappings.findByUuid(uuid).orElse(null);
        if (m == null) {
            return MappingStatusReport.Outcome.NOT_FOUND;
        }
        if (!m.lastModified.equals(report.basedOn())) {
            return MappingStatusReport.Outcome.STALE;
        }
        String state = report.state();
        if (state != null && !MappingStates.accepts(m.state, m.enabled, state)) {
            return MappingStatusReport.Outcome.CONTRADICTS_STATE;
        }
        if (MappingStates.DELETED.equals(state)) {
            remove(m);
            return MappingStatusReport.Outcome.REMOVED;
        }
        boolean changed = false;
        if (state != null && !state.equals(m.state)) {
            m.state = state;
            m.stateChangedAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            changed = true;
        }
        String result = report.lastProcessingResult();
        if (result != null && !result.equals(m.lastProcessingResult)) {
            m.lastProcessingResult = result;
            changed = true;
        }
        if (!changed) {
            return MappingStatusReport.Outcome.UNCHANGED;
        }
        mappings.save(m);
        EventSourceMappingSnapshot snapshot = snapshot(m);
        changes.changed(ResourceType.EVENT_SOURCE_MAPPING, snapshot.mappingArn(), null, snapshot);
        return MappingStatusReport.Outcome.APPLIED;
    }

    /** A deleted function takes its mappings with it, at once. */
    @EventListener
    void onFunctionDeleted(FunctionDeleted deleted) {
        mappings.findByFunctionName(deleted.functionName()).forEach(this::remove);
    }

    private void apply(EventSourceMappingEntity m, Settings r) {
        Optional.ofNullable(r.batchSize()).ifPresent(v -> m.batchSize = v);
        Optional.ofNullable(r.maximumBatchingWindowInSeconds()).ifPresent(v -> m.maximumBatchingWindow = v);
        if (r.filterCriteria() != null) {
            m.filterPatterns = r.filterCriteria().filters() == null
                    ? List.of()
                    : r.filterCriteria().filters().stream().map(Filter::pattern).toList();
        }
        if (r.destinationConfig() != null) {
            var onFailure = r.destinationConfig().onFailure();
            m.onFailureDestination = onFailure == null
                            || onFailure.destination() == null
                            || onFailure.destination().isEmpty()
                    ? null
                    : onFailure.destination();
        }
        Optional.ofNullable(r.maximumRecordAgeInSeconds()).ifPresent(v -> m.maximumRecordAgeInSeconds = v);
        Optional.ofNullable(r.bisectBatchOnFunctionError()).ifPresent(v -> m.bisectBatchOnFunctionError = v);
        Optional.ofNullable(r.maximumRetryAttempts()).ifPresent(v -> m.maximumRetryAttempts = v);
        Optional.ofNullable(r.parallelizationFactor()).ifPresent(v -> m.parallelizationFactor = v);
        if (r.functionResponseTypes() != null) {
            m.reportBatchItemFailures = r.functionResponseTypes().contains(MappingRules.REPORT_BATCH_ITEM_FAILURES);
        }
        if (r.scalingConfig() != null) {
            m.maximumConcurrency = r.scalingConfig().maximumConcurrency();
        }
        if (r.sourceAccessConfigurations() != null && m.kafka != null && r instanceof UpdateRequest) {
            m.kafka = new Kafka(
                    m.kafka.bootstrapServers(),
                    m.kafka.topics(),
                    m.kafka.consumerGroupId(),
                    access(r.sourceAccessConfigurations()));
        }
        if (m.sourceKind == SourceKind.SQS) {
            MappingRules.checkSqsBatching(m.batchSize, m.maximumBatchingWindow);
        }
    }

    private Target target(String functionName) {
        if (functionName == null) {
            throw LambdaApiException.validation(null, "functionName", "Member must not be null");
        }
        FunctionRef ref = FunctionRef.parse(functionName);
        String name = ref.functionName();
        boolean exists = functions.findLatest(name).isPresent()
                && ref.qualifier()
                        .map(q -> q.equals(LATEST)
                                || (q.matches("[0-9]+")
                                        ? versions.find(name, q).isPresent()
                                        : aliases.find(name, q).isPresent()))
                        .orElse(true);
        if (!exists) {
            throw LambdaApiException.invalidParameter("Function does not exist");
        }
        return new Target(
                name,
                ref.qualifier().map(q -> views.qualifiedArn(name, q)).orElseGet(() -> views.unqualifiedArn(name)));
    }

    /** One function maps one source once, as on AWS, whose message differs by kind of source. */
    private void refuseDuplicate(EventSourceMappingEntity m, Target target) {
        Optional<EventSourceMappingEntity> other = mappings.findBySourceKeyAndFunctionArn(m.sourceKey, m.functionArn)
                .filter(o -> !Objects.equals(o.id, m.id));
        if (other.isEmpty()) {
            return;
        }
        String uuid = other.get().uuid;
        String tail = " already exists. Please update or delete the existing mapping with UUID " + uuid;
        throw LambdaApiException.conflict(
                switch (m.sourceKind) {
                    case SQS ->
                        "An event source mapping with SQS arn (\" " + m.eventSourceArn + " \") and function (\" "
                                + target.functionName() + " \")" + tail;
                    case KINESIS ->
                        "The event source arn (\" " + m.eventSourceArn + " \") and function (\" "
                                + target.functionName() + " \") provided mapping" + tail;
                    case KAFKA ->
                        "An event source mapping with event source (\""
                                + String.join(",", m.kafka.bootstrapServers()) + "\"), function (\"" + m.functionArn
                                + "\"), topics (\"" + String.join(",", m.kafka.topics()) + "\")" + tail;
                });
    }

    private static boolean matches(FunctionRef f, EventSourceMappingEntity m) {
        if (!f.functionName().equals(m.functionName)) {
            return false;
        }
        return f.qualifier()
                .map(q -> m.functionArn.endsWith(":function:" + m.functionName + ":" + q))
                .orElse(true);
    }

    private static void refuseWhileDeleting(EventSourceMappingEntity m) {
        if (m.state.equals(MappingStates.DELETING)) {
            throw new LambdaApiException(
                    LambdaErrorType.RESOURCE_IN_USE,
                    "Cannot change the event source mapping " + m.uuid + " because it is being deleted.");
        }
    }

    private EventSourceMappingEntity load(String uuid) {
        return mappings.findByUuid(uuid)
                .orElseThrow(() -> new LambdaApiException(LambdaErrorType.RESOURCE_NOT_FOUND, NOT_FOUND));
    }

    private EventSourceMappingSnapshot save(EventSourceMappingEntity m) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        m.stateTransitionReason = MappingStates.USER_INITIATED;
        m.stateChangedAt = now;
        m.lastModified = now;
        mappings.save(m);
        EventSourceMappingSnapshot snapshot = snapshot(m);
        changes.changed(ResourceType.EVENT_SOURCE_MAPPING, snapshot.mappingArn(), null, snapshot);
        return snapshot;
    }

    private void remove(EventSourceMappingEntity m) {
        mappings.delete(m);
        changes.deleted(ResourceType.EVENT_SOURCE_MAPPING, mappingArn(m.uuid));
    }

    private String mappingArn(String uuid) {
        return LambdaArns.eventSourceMapping(properties.region(), properties.accountId(), uuid);
    }

    private static List<SourceAccess> access(List<SourceAccessConfiguration> given) {
        return given == null
                ? List.of()
                : given.stream().map(a -> new SourceAccess(a.type(), a.uri())).toList();
    }

    private static Instant epochSeconds(BigDecimal seconds) {
        return seconds == null
                ? null
                : Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }

    private EventSourceMappingSnapshot snapshot(EventSourceMappingEntity m) {
        return new EventSourceMappingSnapshot(
                m.uuid,
                mappingArn(m.uuid),
                m.functionArn,
                m.sourceKind,
                m.eventSourceArn,
                m.kafka,
                m.state,
                m.stateTransitionReason,
                m.enabled,
                m.batchSize,
                m.maximumBatchingWindow,
                m.filterPatterns,
                m.startingPosition,
                m.startingPositionTimestamp,
                m.onFailureDestination,
                m.reportBatchItemFailures,
                m.bisectBatchOnFunctionError,
                m.maximumRetryAttempts,
                m.maximumRecordAgeInSeconds,
                m.parallelizationFactor,
                m.maximumConcurrency,
                m.lastProcessingResult,
                m.lastModified);
    }
}
