package dev.ignis.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.credentials.FunctionCredentialKey;
import dev.ignis.contracts.credentials.FunctionCredentialRule;
import dev.ignis.contracts.credentials.SessionCredentials;
import dev.ignis.gateway.auth.AuthProperties.AccessKey;
import dev.ignis.gateway.auth.AuthProperties.Mode;
import dev.ignis.gateway.auth.AuthResult.Rejected;
import dev.ignis.gateway.auth.AuthResult.Verified;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function's own credentials, issued by the rule invocation-service uses, signed by the AWS
 * SDK's signer and verified by the gateway's SigV4 verifier: accepted for the gateway's account
 * until they expire, refused after, and refused for another account or another key.
 */
class FunctionAccessKeysTest {

    private static final Instant NOW = SigV4VerifierTest.NOW;

    @TempDir
    Path dir;

    private SigV4Verifier verifier(Path keyFile, String account, Instant at) {
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        FunctionAccessKeys functions = new FunctionAccessKeys(new FunctionAccessKeys.Settings(keyFile, account), clock);
        AccessKeys keys = new AccessKeys(List.of(new AccessKey("test", "test"))).withTemporary(functions::secretOf);
        return new SigV4Verifier(Mode.VERIFY, keys, Duration.ofMinutes(15), clock);
    }

    private AuthResult call(SigV4Verifier verifier, SessionCredentials credentials, Instant at) {
        return SigV4VerifierTest.verify(
                verifier,
                SigV4VerifierTest.sign(
                        credentials.accessKeyId(),
                        credentials.secretAccessKey(),
                        "us-east-1",
                        "lambda",
                        at,
                        SigV4VerifierTest.EVENT),
                SigV4VerifierTest.EVENT);
    }

    @Test
    void aFunctionsOwnCredentialsAreAcceptedForItsAccountUntilTheyExpire() throws Exception {
        Path keyFile = dir.resolve("function-credentials.key");
        FunctionCredentialRule rule = new FunctionCredentialRule(FunctionCredentialKey.readOrCreate(keyFile));
        SessionCredentials issued = rule.issue("000000000000", "caller", NOW.plus(Duration.ofHours(12)), 1);

        assertThat(call(verifier(keyFile, "000000000000", NOW), issued, NOW)).isInstanceOf(Verified.class);
        Instant later = NOW.plus(Duration.ofHours(13));
        assertThat(call(verifier(keyFile, "000000000000", later), issued, later))
                .isInstanceOfSatisfying(
                        Rejected.class, r -> assertThat(r.errorType()).isEqualTo("UnrecognizedClientException"));
        assertThat(call(verifier(keyFile, "111111111111", NOW), issued, NOW)).isInstanceOf(Rejected.class);
    }

    @Test
    void credentialsMintedWithAnotherKeyAreRefused() throws Exception {
        Path keyFile = dir.resolve("function-credentials.key");
        FunctionCredentialKey.readOrCreate(keyFile);
        FunctionCredentialRule forged = new FunctionCredentialRule(new byte[32]);
        SessionCredentials issued = forged.issue("000000000000", "caller", NOW.plus(Duration.ofHours(1)), 1);
        assertThat(call(verifier(keyFile, "000000000000", NOW), issued, NOW)).isInstanceOf(Rejected.class);
    }

    @Test
    void withoutTheKeyFileNoFunctionIsAcceptedAndStaticKeysStillAre() {
        FunctionAccessKeys functions = new FunctionAccessKeys(
                new FunctionAccessKeys.Settings(dir.resolve("missing.key"), "000000000000"), Clock.systemUTC());
        assertThat(functions.secretOf("ASIA00000000000017000000000000000001")).isEmpty();
        AccessKeys keys = new AccessKeys(List.of(new AccessKey("test", "test"))).withTemporary(functions::secretOf);
        assertThat(keys.secretOf("test")).hasValue("test");
    }
}
