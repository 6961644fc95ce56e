package dev.ignis.launcher;

import dev.ignis.launcher.process.ChildProcess;
import java.net.URI;

/** A running part of the stack: the broker or a service, with the address users reach it on. */
public record Component(String name, URI url, ChildProcess process) {

    public boolean isKafka() {
        return name.equals(LaunchOptions.KAFKA);
    }
}
