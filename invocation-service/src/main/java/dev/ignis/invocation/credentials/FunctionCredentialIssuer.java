package dev.ignis.invocation.credentials;

import dev.ignis.contracts.credentials.FunctionCredentialRule;
import dev.ignis.contracts.credentials.SessionCredentials;
import dev.ignis.contracts.registry.FunctionSnapshot;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

/**
 * Issues each new environment short-lived credentials for its function's account, by the rule the
 * gateway verifies them with ({@link FunctionCredentialRule}), so a function calls the Lambda API
 * through the gateway as itself, like a Lambda function with its execution role.
 */
public final class FunctionCredentialIssuer {

    private final FunctionCredentialRule rule;
    private final String accountId;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom nonces = new SecureRandom();

    public FunctionCredentialIssuer(FunctionCredentialRule rule, String accountId, Duration lifetime, Clock clock) {
        this.rule = rule;
        this.accountId = accountId;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    public FunctionCredentials issue(FunctionSnapshot function) {
        SessionCredentials issued =
                rule.issue(accountId, function.functionName(), clock.instant().plus(lifetime), nonces.nextInt());
        return new FunctionCredentials(issued.accessKeyId(), issued.secretAccessKey(), issued.sessionToken());
    }
}
