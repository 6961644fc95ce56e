package dev.ignis.eventsource.support;

import dev.ignis.eventsource.poller.PollerEvents;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a poller told about its mapping, in order (every source kind's poller tests). */
public final class RecordingEvents implements PollerEvents {

    public final List<String> told = new CopyOnWriteArrayList<>();

    @Override
    public void reading() {
        told.add("reading");
    }

    @Override
    public void problem(String lastProcessingResult) {
        told.add("problem: " + lastProcessingResult);
    }

    @Override
    public void processed(String lastProcessingResult) {
        told.add("processed: " + lastProcessingResult);
    }
}
