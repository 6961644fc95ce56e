package dev.ignis.bench.scenario;

import dev.ignis.bench.driver.LoadShape;
import dev.ignis.bench.driver.RawHttpClient;
import dev.ignis.bench.functions.NoOpRuntime;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionUrlAuthType;

/**
 * A function URL's round trip through the gateway: a URL with AuthType NONE and the resource
 * policy statement that opens it, created with the SDK as users do, then {@code GET} and
 * {@code POST /lambda-url/<url-id>/} at one client and many. Where the API or the route is not
 * there yet, the scenario is reported as skipped with the answer it got.
 */
public record FunctionUrl() implements Scenario {

    private static final String NAME = "url";
    private static final String FUNCTION = "bench-url-node";
    private static final Duration PROPAGATION = Duration.ofSeconds(10);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void run(RunContext run) throws Exception {
        run.functions().create(FUNCTION, NoOpRuntime.NODE);
        run.direct().awaitInvocable(FUNCTION, Duration.ofSeconds(30));
        Optional<String> urlId = createUrl(run);
        if (urlId.isEmpty()) {
            return;
        }
        String path = "/lambda-url/" + urlId.get() + "/";
        Target gateway = run.gatewayUnsigned();
        if (!answers(run, gateway, path)) {
            return;
        }
        List<LoadShape> shapes = List.of(
                new LoadShape.Closed(1), new LoadShape.Closed(run.options().clients()));
        for (String method : List.of("GET", "POST")) {
            byte[] body = method.equals("GET") ? null : Target.EVENT;
            for (LoadShape shape : shapes) {
                run.measure(
                        NAME,
                        gateway,
                        method + " " + NoOpRuntime.NODE.runtime(),
                        shape,
                        gateway.request(method, path, body));
            }
        }
        run.functions().delete(FUNCTION);
    }

    /** The URL's id, the first label of its host; empty (and skipped) when the API is not there. */
    private static Optional<String> createUrl(RunContext run) {
        LambdaClient lambda = run.functions().lambda();
        try {
            String url = lambda.createFunctionUrlConfig(
                            b -> b.functionName(FUNCTION).authType(FunctionUrlAuthType.NONE))
                    .functionUrl();
            lambda.addPermission(b -> b.functionName(FUNCTION)
                    .statementId("bench-url-public")
                    .action("lambda:InvokeFunctionUrl")
                    .principal("*")
                    .functionUrlAuthType(FunctionUrlAuthType.NONE));
            String host = URI.create(url).getHost();
            return Optional.of(host.substring(0, host.indexOf('.')));
        } catch (AwsServiceException e) {
            if (!notThereYet(e)) {
                throw e;
            }
            run.skip(
                    NAME,
                    "the function URL API is not there yet: HTTP " + e.statusCode() + " "
                            + e.awsErrorDetails().errorCode() + " ("
                            + e.awsErrorDetails().errorMessage() + ")");
            return Optional.empty();
        }
    }

    private static boolean notThereYet(AwsServiceException e) {
        String code = e.awsErrorDetails() == null
                ? ""
                : String.valueOf(e.awsErrorDetails().errorCode());
        return e.statusCode() == 404 || e.statusCode() == 501 || code.contains("UnknownOperation");
    }

    /**
     * Waits until the URL answers 200: the URL config and the policy statement reach the gateway
     * as registry changes, a moment after the SDK calls return. 404 to the end means the gateway
     * has no function URL route yet (a skip); any other answer is measured as what it is.
     */
    private static boolean answers(RunContext run, Target gateway, String path) throws Exception {
        long deadline = System.nanoTime() + PROPAGATION.toNanos();
        int status;
        try (RawHttpClient client = gateway.client()) {
            do {
                status = client.get(path, "").status();
                if (status == 200) {
                    return true;
                }
                Thread.sleep(100);
            } while (System.nanoTime() < deadline);
        }
        if (status == 404) {
            run.skip(NAME, "the gateway has no function URL route yet: GET " + path + " answered 404");
            return false;
        }
        run.note("url: GET " + path + " still answered " + status + " after " + PROPAGATION.toSeconds()
                + " s; measured anyway, its errors are in the rows.");
        return true;
    }
}
