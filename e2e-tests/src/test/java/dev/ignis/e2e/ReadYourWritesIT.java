package dev.ignis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.launcher.IgnisStack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Change, then invoke, through the gateway with the AWS SDK, 200 times in a row on the whole
 * stack: alias moves, reserved concurrency 0 and back, an environment variable and code updated
 * with AWS's function-updated waiter, a delete then an invoke. Every invoke must see the change
 * just made (no stale answer), with no sleep anywhere: only the calls' own answers and the waiter.
 * Prints each write's latency (p50/p99) and the registry's own figure of what waiting for the
 * data plane added to writes without a status.
 */
class ReadYourWritesIT {

    static final int CYCLES = 200;

    /** The kinds of change, taken in turn. */
    enum Change {
        ALIAS_MOVE,
        CONCURRENCY_ZERO_AND_BACK,
        ENVIRONMENT_WITH_WAITER,
        CODE_WITH_WAITER,
        DELETE_THEN_INVOKE
    }

    @TempDir
    static Path home;

    static IgnisStack stack;
    static LambdaClient lambda;
    static final JsonMapper json = JsonMapper.builder().build();
    final Map<Change, List<Long>> writeMicros = new EnumMap<>(Change.class);

    @BeforeAll
    static void startStack() throws Exception {
        stack = TestStacks.start(home, TestStacks.freePorts());
        lambda = TestStacks.client(stack);
    }

    @AfterAll
    static void stopStack() {
        if (lambda != null) {
            lambda.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyInvokeAfterAChangeSeesTheChange() throws Exception {
        create("ryw", "v0", Map.of("VALUE", "e0"));
        lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName("ryw"));
        String one = lambda.publishVersion(b -> b.functionName("ryw")).version();
        update("ryw", "v1");
        String two = lambda.publishVersion(b -> b.functionName("ryw")).version();
        lambda.waiter()
                .waitUntilPublishedVersionActive(b -> b.functionName("ryw").qualifier(two));
        lambda.createAlias(b -> b.functionName("ryw").name("live").functionVersion(one));

        int stale = 0;
        int checked = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            Change change = Change.values()[cycle % Change.values().length];
            for (String problem : cycle(change, cycle, one, two)) {
                System.out.println("[ryw] stale answer in cycle " + cycle + " (" + change + "): " + problem);
                stale++;
            }
            checked++;
        }

        report();
        System.out.println("[ryw] " + checked + " change-then-invoke cycles, " + stale + " stale answers");
        assertThat(checked).isEqualTo(CYCLES);
        assertThat(stale).isZero();
    }

    /** One change and the invokes that must see it; what each saw wrong, if anything. */
    private List<String> cycle(Change change, int cycle, String one, String two) throws Exception {
        List<String> problems = new ArrayList<>();
        switch (change) {
            case ALIAS_MOVE -> {
                String target = (cycle / Change.values().length) % 2 == 0 ? two : one;
                timed(
                        change,
                        () -> lambda.updateAlias(
                                b -> b.functionName("ryw").name("live").functionVersion(target)));
                JsonNode answer = invoke("ryw", "live");
                expect(problems, "version", target, answer.path("version").asString());
            }
            case CONCURRENCY_ZERO_AND_BACK -> {
                timed(
                        change,
                        () -> lambda.putFunctionConcurrency(
                                b -> b.functionName("ryw").reservedConcurrentExecutions(0)));
                try {
                    invoke("ryw", null);
                    problems.add("an invoke ran with reserved concurrency 0");
                } catch (TooManyRequestsException expected) {
                    // throttled, as AWS does at once
                }
                timed(change, () -> lambda.deleteFunctionConcurrency(b -> b.functionName("ryw")));
                expect(
                        problems,
                        "marker",
                        "v" + lastCode,
                        invoke("ryw", null).path("marker").asString());
            }
            case ENVIRONMENT_WITH_WAITER -> {
                String value = "e" + cycle;
                timed(change, () -> {
                    lambda.updateFunctionConfiguration(
                            b -> b.functionName("ryw").environment(e -> e.variables(Map.of("VALUE", value))));
                    return lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName("ryw"));
                });
                expect(
                        problems,
                        "environment",
                        value,
                        invoke("ryw", null).path("value").asString());
            }
            case CODE_WITH_WAITER -> {
                lastCode = cycle;
                timed(change, () -> {
                    update("ryw", "v" + cycle);
                    return lambda.waiter().waitUntilFunctionUpdatedV2(b -> b.functionName("ryw"));
                });
                expect(
                        problems,
                        "marker",
                        "v" + cycle,
                        invoke("ryw", null).path("marker").asString());
            }
            case DELETE_THEN_INVOKE -> {
                String name = "doomed-" + cycle;
                create(name, "d" + cycle, Map.of("VALUE", "x"));
                lambda.waiter().waitUntilFunctionActiveV2(b -> b.functionName(name));
                expect(
                        problems,
                        "marker",
                        "d" + cycle,
                        invoke(name, null).path("marker").asString());
                timed(change, () -> lambda.deleteFunction(b -> b.functionName(name)));
                try {
                    invoke(name, null);
                    problems.add("a deleted function still ran");
                } catch (ResourceNotFoundException expected) {
                    // 404, as AWS answers at once
                }
            }
        }
        return problems;
    }

    private int lastCode = 1;

    private static void expect(List<String> problems, String what, String expected, String actual) {
        if (!expected.equals(actual)) {
            problems.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    private JsonNode invoke(String function, String qualifier) {
        InvokeResponse response = lambda.invoke(b -> b.functionName(function).qualifier(qualifier));
        assertThat(response.functionError())
                .as("function error: %s", response.payload().asUtf8String())
                .isNull();
        return json.readTree(response.payload().asUtf8String());
    }

    private void timed(Change change, Supplier<?> write) {
        long start = System.nanoTime();
        write.get();
        writeMicros.computeIfAbsent(change, c -> new ArrayList<>()).add((System.nanoTime() - start) / 1_000);
    }

    private static void create(String name, String marker, Map<String, String> environment) throws Exception {
        byte[] zip = code(marker);
        lambda.createFunction(b -> b.functionName(name)
                .runtime(Runtime.PYTHON3_12)
                .handler("lambda_function.lambda_handler")
                .role("arn:aws:iam::000000000000:role/lambda")
                .environment(e -> e.variables(environment))
                .code(c -> c.zipFile(SdkBytes.fromByteArray(zip))));
    }

    private static void update(String name, String marker) {
        try {
            byte[] zip = code(marker);
            lambda.updateFunctionCode(b -> b.functionName(name).zipFile(SdkBytes.fromByteArray(zip)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] code(String marker) throws java.io.IOException {
        return TestStacks.zipOf(
                "lambda_function.py",
                "import os\ndef lambda_handler(event, context):\n"
                        + "    return {'marker': '" + marker + "', 'value': os.environ.get('VALUE'),"
                        + " 'version': context.function_version}\n");
    }

    /** Each kind of write's latency as the caller sees it, and the registry's own wait figure. */
    private void report() throws Exception {
        writeMicros.forEach((change, micros) -> {
            List<Long> sorted = micros.stream().sorted().toList();
            System.out.printf(
                    "[ryw] %-26s n=%3d  p50 %7.1f ms  p99 %7.1f ms%n",
                    change,
                    sorted.size(),
                    sorted.get(sorted.size() / 2) / 1000.0,
                    sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1)) / 1000.0);
        });
        URI registry = stack.serviceUrl("function-registry");
        String metrics = HttpClient.newHttpClient()
                .send(
                        TestStacks.internalRequest(stack, registry.resolve("/actuator/prometheus"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .body();
        metrics.lines()
                .filter(line -> line.startsWith("ignis_registry_write_served_wait_seconds"))
                .forEach(line -> System.out.println("[ryw] registry " + line));
        assertThat(metrics).contains("ignis_registry_write_served_wait_seconds_count");
    }
}
