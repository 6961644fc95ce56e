package dev.ignis.eventsource.schedule;

/**
 * Where the firer hands a schedule with {@code ActionAfterCompletion: DELETE} once it fired for the
 * last time (an {@code at(…)} that fired, a recurring one whose EndDate has passed).
 *
 * <p>Contract: called from the firer's thread, at most once per schedule ARN while this replica
 * owns it; must not block on the network (deliver in the background); the deletion arrives back as
 * the schedule's tombstone in the registry view. A deletion lost (registry down, replica crashed)
 * leaves a schedule that never fires again, which the next owner asks to delete again.
 */
interface CompletedSchedules {

    void completed(ScheduledSchedule schedule);
}
