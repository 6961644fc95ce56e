package dev.ignis.launcher;

/** The stack could not start; the message tells the user what to do. Nothing is left running. */
public final class StartupException extends RuntimeException {

    public StartupException(String message) {
        super(message);
    }

    public StartupException(String message, Throwable cause) {
        super(message, cause);
    }
}
