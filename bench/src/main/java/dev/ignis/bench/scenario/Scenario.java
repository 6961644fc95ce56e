package dev.ignis.bench.scenario;

import dev.ignis.bench.options.ScenarioName;
import java.util.List;

/**
 * One benchmark. It adds rows to the run, or records why it was skipped; it never decides a pass
 * or a fail. Every one is bounded by the options' window and counts.
 */
public sealed interface Scenario
        permits Warm,
                Cold,
                FunctionUrl,
                ManyFunctions,
                Density,
                Registry,
                AsyncEvents,
                KafkaTrigger,
                SqsTrigger,
                KinesisTrigger,
                FloorOnly {

    String name();

    void run(RunContext run) throws Exception;

    static List<Scenario> of(ScenarioName name) {
        return switch (name) {
            case WARM -> List.of(new Warm(true));
            case GATEWAY -> List.of(new Warm(false));
            case COLD -> List.of(new Cold());
            case URL -> List.of(new FunctionUrl());
            case MANY -> List.of(new ManyFunctions());
            case DENSITY -> List.of(new Density());
            case REGISTRY -> List.of(new Registry());
            case ASYNC -> List.of(new AsyncEvents());
            case KAFKA -> List.of(new KafkaTrigger());
            case SQS -> List.of(new SqsTrigger());
            case KINESIS -> List.of(new KinesisTrigger());
            case FLOOR -> List.of(new FloorOnly());
            case ALL ->
                List.of(
                        new Warm(true),
                        new Cold(),
                        new FunctionUrl(),
                        new ManyFunctions(),
                        new Density(),
                        new Registry(),
                        new AsyncEvents(),
                        new KafkaTrigger(),
                        new SqsTrigger(),
                        new KinesisTrigger());
        };
    }
}
