package dev.ignis.contracts.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GetFunction's {@code Code.Location}: like AWS's presigned S3 URL, a link that works without a
 * signature for a short time. The registry signs {@code /ignis/v1/code/<sha256-hex>} with the internal
 * credential and an expiry ({@value #EXPIRES} and {@value #SIGNATURE} query parameters); the gateway
 * checks the same HMAC before it lets the download through to the registry, which serves it only to
 * a holder of the internal credential and only while a live function or layer version references it.
 */
public final class CodeLinks {

    public static final String PATH_PREFIX = "/ignis/v1/code/";
    public static final String EXPIRES = "X-Ignis-Expires";
    public static final String SIGNATURE = "X-Ignis-Signature";

    private CodeLinks() {}

    /** The path and query of a link to {@code sha256Hex} valid until {@code expiresEpochSecond}. */
    public static String presignedPath(InternalCredential credential, String sha256Hex, long expiresEpochSecond) {
        return PATH_PREFIX + sha256Hex + "?" + EXPIRES + "=" + expiresEpochSecond + "&" + SIGNATURE + "="
                + signature(credential, sha256Hex, expiresEpochSecond);
    }

    /**
     * Whether a request for {@code path} with these query values is a link this platform signed and
     * that has not expired at {@code nowEpochSecond}.
     */
    public static boolean isValid(
            InternalCredential credential, String path, String expires, String signature, long nowEpochSecond) {
        if (!path.startsWith(PATH_PREFIX) || expires == null || signature == null) {
            return false;
        }
        long until;
        try {
            until = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            return false;
        }
        String sha = path.substring(PATH_PREFIX.length());
        return nowEpochSecond <= until
                && MessageDigest.isEqual(
                        signature(credential, sha, until).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII));
    }

    private static String signature(InternalCredential credential, String sha256Hex, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(credential.headerValue().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal(("code\n" + sha256Hex + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
