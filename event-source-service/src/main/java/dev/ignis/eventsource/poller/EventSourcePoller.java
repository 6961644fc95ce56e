package dev.ignis.eventsource.poller;

/**
 * Reads one event source mapping's source and invokes its function with batches of records. One
 * implementation per kind of source, each in its own package, made by its
 * {@link EventSourcePollerFactory}.
 *
 * <p>The contract every implementation keeps:
 *
 * <ul>
 *   <li><b>Lifecycle.</b> {@link #start} returns at once and polls on the poller's own threads;
 *       {@link #stop} returns once nothing more will be invoked, after the batches in flight have
 *       finished and their positions were saved. The {@link PollerSupervisor} calls them, one at a
 *       time per mapping: start on create or enable, stop on disable or delete, and stop then start a
 *       new poller on any change of the mapping's settings (the new one resumes where the old one
 *       saved its position). A stopped poller is never started again.
 *   <li><b>Nothing skipped.</b> A position (offset, checkpoint, receipt) is saved only after the
 *       function succeeded with every record up to it, or after the records were filtered out. A
 *       failed batch is retried, and blocks only its own ordered lane (partition, shard); other lanes
 *       go on.
 *   <li><b>Batches as Lambda makes them</b>: see {@link dev.ignis.eventsource.batch.BatchLimits}; the
 *       mapping's filters are applied before batching, and filtered-out records count as processed.
 *   <li><b>Shared work.</b> Several event-source-service replicas run a poller for the same mapping;
 *       the source's own mechanism divides the lanes between them (a Kafka consumer group, an SQS
 *       visibility timeout, a Kinesis lease) so a record is not delivered twice while none crashes.
 *   <li><b>Truthful status.</b> The poller tells {@link PollerEvents} once it reads from the source,
 *       when it cannot, and how the last batch went; it never reports what it has not seen.
 *   <li><b>Invokes</b> go through the {@link dev.ignis.eventsource.invoke.FunctionInvoker} it was
 *       given, synchronously, and a throttle is retried like a failure, so the function's
 *       concurrency limits hold.
 * </ul>
 */
public interface EventSourcePoller {

    /** Starts polling on the poller's own threads and returns at once. */
    void start();

    /** Stops polling; returns after in-flight batches finished and their positions were saved. */
    void stop();
}
