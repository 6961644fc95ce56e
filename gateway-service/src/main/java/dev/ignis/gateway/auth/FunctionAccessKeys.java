package dev.ignis.gateway.auth;

import dev.ignis.contracts.credentials.FunctionCredentialKey;
import dev.ignis.contracts.credentials.FunctionCredentialRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The short-lived credentials invocation-service hands each function: accepted for the gateway's
 * account until they expire, by {@link FunctionCredentialRule}. The key file may appear after the
 * gateway started (invocation-service creates it on its first start), so it is read on first use.
 */
public final class FunctionAccessKeys {

    /**
     * @param keyFile the platform's function-credential key ({@code ignis.secrets.function-credentials-key-file})
     * @param accountId the account whose functions' credentials are accepted
     */
    @ConfigurationProperties("ignis.gateway.function-credentials")
    public record Settings(Path keyFile, String accountId) {}

    private final Settings settings;
    private final Clock clock;
    private volatile FunctionCredentialRule rule;

    public FunctionAccessKeys(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** The secret of a function's access key id that is valid now, for this account. */
    public Optional<String> secretOf(String accessKeyId) {
        if (!accessKeyId.startsWith(FunctionCredentialRule.PREFIX)) {
            return Optional.empty();
        }
        return rule().flatMap(r -> r.accept(accessKeyId, clock.instant()))
                .filter(accepted -> accepted.accountId().equals(settings.accountId()))
                .map(FunctionCredentialRule.Accepted::secretAccessKey);
    }

    private Optional<FunctionCredentialRule> rule() {
        FunctionCredentialRule loaded = rule;
        if (loaded == null && settings.keyFile() != null && Files.isReadable(settings.keyFile())) {
            try {
                loaded = new FunctionCredentialRule(FunctionCredentialKey.read(settings.keyFile()));
                rule = loaded;
            } catch (IOException | IllegalArgumentException e) {
                return Optional.empty(); // unreadable or half-written: no function is accepted yet
            }
        }
        return Optional.ofNullable(loaded);
    }
}
