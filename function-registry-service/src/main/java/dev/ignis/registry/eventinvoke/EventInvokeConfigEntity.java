package dev.ignis.registry.eventinvoke;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Asynchronous invocation settings of {@code $LATEST}, a version or an alias; null means AWS's default. */
@Entity
@Table(name = "event_invoke_config")
class EventInvokeConfigEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "function_name", nullable = false, length = 64)
    String functionName;

    /** {@code $LATEST}, a version number or an alias name. */
    @Column(nullable = false, length = 128)
    String qualifier;

    @Column(name = "maximum_retry_attempts")
    Integer maximumRetryAttempts;

    @Column(name = "maximum_event_age")
    Integer maximumEventAgeInSeconds;

    @Column(name = "on_success_destination", length = 350)
    String onSuccess;

    @Column(name = "on_failure_destination", length = 350)
    String onFailure;

    @Column(name = "last_modified", nullable = false)
    Instant lastModified;

    @Version
    long entityVersion;
}
