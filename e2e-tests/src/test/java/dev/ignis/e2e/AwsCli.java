package dev.ignis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's AWS CLI v2 (scripts/install-prerequisites.sh) as a user runs it: against one endpoint (the
 * gateway, ElasticMQ, kinesalite), with the credentials given and no user configuration.
 */
final class AwsCli {

    record Result(int exit, String out, String err) {}

    private final Path home;

    /** {@code home} holds the empty configuration files and the captured error output. */
    AwsCli(Path home) {
        this.home = home;
    }

    Result run(URI endpoint, String accessKey, String secret, String... args) throws IOException, InterruptedException {
        // Debian's CLI v2 by its path: a pyenv or pip "aws" earlier on PATH may be the old v1.
        String aws = Files.isExecutable(Path.of("/usr/bin/aws")) ? "/usr/bin/aws" : "aws";
        List<String> command = new ArrayList<>(List.of(aws, "--endpoint-url", endpoint.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", accessKey);
        env.put("AWS_SECRET_ACCESS_KEY", secret);
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_PAGER", "");
        env.put("AWS_MAX_ATTEMPTS", "1");
        env.put("AWS_CONFIG_FILE", home.resolve("no-aws-config").toString());
        env.put(
                "AWS_SHARED_CREDENTIALS_FILE",
                home.resolve("no-aws-credentials").toString());
        Path err = Files.createTempFile(home, "aws", ".err");
        Process process = builder.redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("aws %s", command).isTrue();
        return new Result(process.exitValue(), out, Files.readString(err));
    }
}
