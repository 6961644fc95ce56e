package dev.ignis.eventsource.poller;

/**
 * What a poller tells the platform about its mapping; the supervisor turns it into the mapping's
 * State and LastProcessingResult in the registry. Cheap and non-blocking: pollers call it from
 * their polling threads. Repeating the same news is harmless.
 */
public interface PollerEvents {

    /** The poller reads from its source: records that arrive now will be delivered. */
    void reading();

    /** The poller cannot read its source; {@code lastProcessingResult} says why, as Lambda words it. */
    void problem(String lastProcessingResult);

    /** A batch finished; {@code lastProcessingResult} is {@link ProcessingResults#OK} or a problem. */
    void processed(String lastProcessingResult);
}
