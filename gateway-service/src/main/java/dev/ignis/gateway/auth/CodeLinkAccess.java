package dev.ignis.gateway.auth;

import dev.ignis.contracts.internal.CodeLinks;
import dev.ignis.contracts.internal.InternalCredential;
import java.time.Clock;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * GetFunction's {@code Code.Location} is a link a user downloads without signing, as AWS's presigned
 * S3 URL is: the registry signs it, this checks it (CodeLinks). A code download without a valid,
 * unexpired presign is a Lambda API request like any other and needs SigV4.
 */
final class CodeLinkAccess {

    private final InternalCredential credential;
    private final Clock clock;

    CodeLinkAccess(InternalCredential credential, Clock clock) {
        this.credential = credential;
        this.clock = clock;
    }

    boolean admits(ServerHttpRequest request) {
        String path = request.getPath().value();
        return path.startsWith(CodeLinks.PATH_PREFIX)
                && CodeLinks.isValid(
                        credential,
                        path,
                        request.getQueryParams().getFirst(CodeLinks.EXPIRES),
                        request.getQueryParams().getFirst(CodeLinks.SIGNATURE),
                        clock.instant().getEpochSecond());
    }
}
