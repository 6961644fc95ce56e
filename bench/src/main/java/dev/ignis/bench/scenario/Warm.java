package dev.ignis.bench.scenario;

import dev.ignis.bench.driver.RawHttpClient;
import dev.ignis.bench.functions.NoOpRuntime;
import dev.ignis.bench.report.Server;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Warm synchronous invokes of a no-op per runtime at every load level, direct to
 * invocation-service and through the gateway (signed), then the same node handler on the peer and
 * the bare floor in the same run, right after Ignis's node rows so the three see the same machine.
 *
 * @param direct also measure direct to invocation-service ({@code warm}); only the gateway otherwise
 */
public record Warm(boolean direct) implements Scenario {

    static final String NAME = "warm";
    private static final int SIGNATURES = 5_000;

    @Override
    public String name() {
        return direct ? NAME : "gateway";
    }

    @Override
    public void run(RunContext run) throws Exception {
        List<Target> targets = new ArrayList<>();
        if (direct) {
            targets.add(run.direct());
        }
        Target gateway = run.gateway();
        boolean compared = false;
        boolean gatewayTried = false;
        for (NoOpRuntime runtime : run.options().runtimes()) {
            String function = "bench-noop-" + runtime.label();
            run.functions().create(function, runtime);
            run.direct().awaitInvocable(function, Duration.ofSeconds(30));
            String path = Target.invokePath(function);
            if (!gatewayTried) {
                gatewayTried = true;
                run.signMicros(gateway.signer().orElseThrow().microsPerSign(path, Target.EVENT, SIGNATURES));
                if (gatewayAnswers(run, gateway, path)) {
                    targets.add(gateway);
                }
            }
            for (Target target : targets) {
                run.measureAll(NAME, target, runtime.runtime(), target.invoke(path, Target.EVENT));
            }
            if (runtime == NoOpRuntime.NODE && targets.contains(gateway)) {
                noteSigningShare(run);
            }
            run.functions().delete(function);
            if (runtime == NoOpRuntime.NODE) {
                peerAndFloor(run);
                compared = true;
            }
        }
        if (!compared) {
            peerAndFloor(run);
        }
    }

    /** One signed invoke first: while the gateway's auth is being built a refusal is a skip, not 100 % errors. */
    private boolean gatewayAnswers(RunContext run, Target gateway, String path) throws Exception {
        try (RawHttpClient client = gateway.client()) {
            RawHttpClient.Response response = client.post(path, gateway.auth("POST", path, Target.EVENT), Target.EVENT);
            if (response.status() == 200) {
                return true;
            }
            run.skip(
                    "warm through the gateway",
                    "a signed invoke answered HTTP " + response.status() + " " + response.bodyText());
            return false;
        }
    }

    /** Signing happens inside each measured gateway request, as it does in any SDK: how much of it is that? */
    private static void noteSigningShare(RunContext run) {
        double micros = run.signMicros().orElse(0);
        run.rows().stream()
                .filter(r -> r.server() == Server.IGNIS_GATEWAY
                        && r.clients() == 1
                        && r.mode().equals("closed"))
                .filter(r -> r.subject().equals(NoOpRuntime.NODE.runtime()))
                .findFirst()
                .ifPresent(r -> run.note(String.format(
                        Locale.ROOT,
                        "SigV4 signing (the SDK's AwsV4HttpSigner, one signature per request, included in the gateway's"
                                + " latency): %.1f µs per request, %.1f %% of the gateway's nodejs20.x p50 at 1 client.",
                        micros,
                        100 * micros / 1000 / r.p50())));
    }

    static void peerAndFloor(RunContext run) throws InterruptedException {
        if (run.peer().isPresent()) {
            RunContext.Peer peer = run.peer().get();
            run.measureAll(
                    NAME,
                    peer.target(),
                    NoOpRuntime.NODE.runtime(),
                    peer.target().invoke(peer.invokePath(), Target.EVENT));
        }
        run.measureAll(NAME, run.floor(), "echo", run.floor().invoke(Target.invokePath("echo"), Target.EVENT));
    }
}
