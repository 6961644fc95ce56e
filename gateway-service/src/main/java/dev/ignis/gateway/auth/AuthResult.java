package dev.ignis.gateway.auth;

/** What {@link SigV4Verifier} decided about one request. */
public sealed interface AuthResult {

    /** The signature holds for this access key (or the gateway accepts any caller). */
    record Verified(String accessKeyId) implements AuthResult {}

    /**
     * Refused, with the AWS error to answer: {@code errorType} goes to {@code x-amzn-ErrorType},
     * {@code message} to the body's {@code message}.
     */
    record Rejected(String errorType, int status, String message) implements AuthResult {}
}
