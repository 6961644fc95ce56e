package dev.ignis.registry.eventsource;

import dev.ignis.contracts.registry.EventSourceMappingSnapshot.Kafka;
import dev.ignis.contracts.registry.EventSourceMappingSnapshot.SourceKind;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/** An event source mapping as stored; null settings do not apply to its kind of source. */
@Entity
@Table(name = "event_source_mapping")
class EventSourceMappingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(nullable = false, length = 36)
    String uuid;

    @Column(name = "function_name", nullable = false, length = 64)
    String functionName;

    /** Qualified when the mapping names a version or an alias. */
    @Column(name = "function_arn", nullable = false, length = 256)
    String functionArn;

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind", nullable = false, length = 16)
    SourceKind sourceKind;

    /** What one function may be mapped to once: the source ARN, or Kafka's servers and topic. */
    @Column(name = "source_key", nullable = false, length = 1024)
    String sourceKey;

    @Column(name = "event_source_arn", length = 1024)
    String eventSourceArn;

    @Convert(converter = JsonColumns.KafkaConverter.class)
    @Column(length = 65_536)
    Kafka kafka;

    @Column(nullable = false, length = 16)
    String state;

    @Column(name = "state_transition_reason", nullable = false, length = 64)
    String stateTransitionReason;

    @Column(name = "state_changed_at", nullable = false)
    Instant stateChangedAt;

    @Column(nullable = false)
    boolean enabled;

    @Column(name = "batch_size", nullable = false)
    int batchSize;

    @Column(name = "maximum_batching_window")
    Integer maximumBatchingWindow;

    @Convert(converter = JsonColumns.StringListConverter.class)
    @Column(name = "filter_patterns", length = 65_536)
    List<String> filterPatterns = List.of();

    @Column(name = "starting_position", length = 16)
    String startingPosition;

    @Column(name = "starting_position_timestamp")
    Instant startingPositionTimestamp;

    @Column(name = "on_failure_destination", length = 1024)
    String onFailureDestination;

    @Column(name = "report_batch_item_failures", nullable = false)
    boolean reportBatchItemFailures;

    @Column(name = "bisect_batch_on_error")
    Boolean bisectBatchOnFunctionError;

    @Column(name = "maximum_retry_attempts")
    Integer maximumRetryAttempts;

    @Column(name = "maximum_record_age")
    Integer maximumRecordAgeInSeconds;

    @Column(name = "parallelization_factor")
    Integer parallelizationFactor;

    @Column(name = "maximum_concurrency")
    Integer maximumConcurrency;

    /** What the pollers last reported; null before any report. */
    @Column(name = "last_processing_result", length = 256)
    String lastProcessingResult;

    @Column(name = "last_modified", nullable = false)
    Instant lastModified;

    @Version
    long entityVersion;
}
