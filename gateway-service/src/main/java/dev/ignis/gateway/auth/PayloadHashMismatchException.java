package dev.ignis.gateway.auth;

/**
 * The body that streamed through did not hash to the signed X-Amz-Content-Sha256. Raised before the
 * body's last buffer is released to the backend, so the backend never sees a complete request.
 */
public final class PayloadHashMismatchException extends RuntimeException {

    public PayloadHashMismatchException() {
        super(SigV4Verifier.PAYLOAD_MISMATCH, null, false, false);
    }
}
