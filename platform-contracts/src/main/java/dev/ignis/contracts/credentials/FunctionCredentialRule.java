package dev.ignis.contracts.credentials;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one rule by which invocation-service issues a function's credentials and the gateway accepts
 * them, with no call between the two: the access key id names the account and the expiry
 * ({@code ASIA<account><expiry epoch s><nonce>}), and the secret is an HMAC-SHA256 of the platform's
 * function-credential key over that id. Only a holder of the key can mint a pair; the gateway
 * verifies a pair by recomputing the secret, and refuses it past its expiry.
 */
public final class FunctionCredentialRule {

    /** AWS's prefix for temporary (session) access key ids. */
    public static final String PREFIX = "ASIA";

    private static final Pattern ID = Pattern.compile("ASIA(\\d{12})(\\d{10})([0-9A-F]{8})");
    private static final int MIN_KEY_BYTES = 32;

    private final byte[] key;

    public FunctionCredentialRule(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("A function-credential key has at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = key.clone();
    }

    /**
     * Credentials of {@code functionName} in {@code accountId} until {@code expiration};
     * {@code nonce} (32 bits) tells apart pairs issued in the same second.
     */
    public SessionCredentials issue(String accountId, String functionName, Instant expiration, int nonce) {
        if (!accountId.matches("\\d{12}")) {
            throw new IllegalArgumentException("An account id has 12 digits");
        }
        String id = PREFIX
                + accountId
                + String.format("%010d", expiration.getEpochSecond())
                + HexFormat.of().withUpperCase().toHexDigits(nonce);
        String token = Base64.getEncoder()
                .encodeToString(("ignis-function:" + accountId + ":" + functionName).getBytes(StandardCharsets.UTF_8));
        return new SessionCredentials(id, secretOf(id), token, Instant.ofEpochSecond(expiration.getEpochSecond()));
    }

    /** A pair this rule issued, still valid at {@code now}. */
    public record Accepted(String accountId, Instant expiration, String secretAccessKey) {}

    /** The secret of {@code accessKeyId} when it is one of this rule's and has not expired. */
    public Optional<Accepted> accept(String accessKeyId, Instant now) {
        Matcher id = ID.matcher(accessKeyId);
        if (!id.matches()) {
            return Optional.empty();
        }
        Instant expiration = Instant.ofEpochSecond(Long.parseLong(id.group(2)));
        if (!now.isBefore(expiration)) {
            return Optional.empty();
        }
        return Optional.of(new Accepted(id.group(1), expiration, secretOf(accessKeyId)));
    }

    private String secretOf(String accessKeyId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(("ignis-function-secret\n" + accessKeyId).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
