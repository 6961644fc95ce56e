package dev.ignis.bench.scenario;

/**
 * The echo server alone at every load level: needs no stack, so it checks the bench itself and
 * shows what this machine's loopback can do at all.
 */
public record FloorOnly() implements Scenario {

    @Override
    public String name() {
        return "floor";
    }

    @Override
    public void run(RunContext run) throws InterruptedException {
        run.measureAll(name(), run.floor(), "echo", run.floor().invoke(Target.invokePath("echo"), Target.EVENT));
    }
}
