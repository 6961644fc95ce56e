package dev.ignis.bench.driver;

/** One request on a load thread's own connection; true when the answer was the expected one. */
@FunctionalInterface
public interface Call {

    boolean run(RawHttpClient client) throws Exception;
}
