package dev.ignis.gateway.auth;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.gateway.auth.AuthResult.Rejected;
import dev.ignis.gateway.auth.AuthResult.Verified;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;

/**
 * Verifies AWS Signature Version 4 (the Authorization header form) for service {@code lambda} in any
 * region (service {@code events} for the EventBridge API's {@code X-Amz-Target: AWSEvents.*} calls,
 * {@code scheduler} for EventBridge Scheduler's {@code /schedules} paths), against the configured
 * access keys, with AWS's error types and messages. The Lambda API
 * filter and function URLs with AuthType AWS_IAM both call it; it never blocks and never reads a
 * body itself.
 */
public final class SigV4Verifier {

    public static final String SERVICE = "lambda";
    /** The signing name of the EventBridge API, whose JSON 1.1 calls name their operation in {@code X-Amz-Target}. */
    public static final String EVENTS_SERVICE = "events";
    /** The signing name of the EventBridge Scheduler API (REST-JSON under {@code /schedules}). */
    public static final String SCHEDULER_SERVICE = "scheduler";

    public static final String SCHEDULES_PATH = "/schedules";

    public static final String TARGET = "X-Amz-Target";
    public static final String EVENTS_TARGET_PREFIX = "AWSEvents.";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    public static final String CONTENT_SHA256 = "X-Amz-Content-Sha256";
    public static final String AMZ_DATE = "X-Amz-Date";

    static final String MISSING_TOKEN = "Missing Authentication Token";
    static final String UNKNOWN_KEY = "The security token included in the request is invalid.";
    static final String BAD_SIGNATURE = "The request signature we calculated does not match the signature you"
            + " provided. Check your AWS Secret Access Key and signing method. Consult the service documentation"
            + " for details.";
    static final String PAYLOAD_MISMATCH =
            "The provided 'x-amz-content-sha256' header does not match what was computed.";
    static final String INCOMPLETE_SIGNATURE = "IncompleteSignatureException";

    private static final DateTimeFormatter BASIC_ISO = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final AuthProperties.Mode mode;
    private final AccessKeys keys;
    private final Duration maxSkew;
    private final Clock clock;
    private final SigningKeys signingKeys = new SigningKeys();

    public SigV4Verifier(AuthProperties.Mode mode, AccessKeys keys, Duration maxSkew, Clock clock) {
        this.mode = mode;
        this.keys = keys;
        this.maxSkew = maxSkew;
        this.clock = clock;
    }

    /**
     * Verifies a request whose body is not at hand. {@code payloadHash} is the value the client
     * signed: its {@code X-Amz-Content-Sha256} header when it sent one (a hex digest or
     * {@code UNSIGNED-PAYLOAD}), otherwise the hex SHA-256 of the body. A caller that trusts the
     * header's digest must still compare it with the body it forwards.
     */
    public AuthResult verify(String method, String rawPath, String rawQuery, HttpHeaders headers, String payloadHash) {
        Parsed parsed = parse(rawPath, headers);
        return parsed.decided() != null
                ? parsed.decided()
                : checkSignature(parsed.claim(), method, rawPath, rawQuery, headers, payloadHash);
    }

    /**
     * Everything that can be checked from the headers alone (a signature is present and well formed,
     * the clock window, the scope, a known key), so a caller can refuse a request before it reads a
     * byte of its body. {@link Optional#empty()} means only the signature itself remains to check.
     */
    public Optional<Rejected> checkHeaders(String rawPath, HttpHeaders headers) {
        return parse(rawPath, headers).decided() instanceof Rejected rejected
                ? Optional.of(rejected)
                : Optional.empty();
    }

    /** A request's parsed, in-window, known-key signature claim, not yet checked against its content. */
    private record Claim(SigV4Authorization auth, String[] credential, String amzDate, String secret) {}

    /** Either decided from the headers alone, or a claim left to check against the content. */
    private record Parsed(AuthResult decided, Claim claim) {
        Parsed(AuthResult decided) {
            this(decided, null);
        }
    }

    private Parsed parse(String rawPath, HttpHeaders headers) {
        if (mode == AuthProperties.Mode.ACCEPT_ANY) {
            return new Parsed(new Verified(accessKeyIdOrAnonymous(headers)));
        }
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.strip().startsWith("AWS4-")) {
            return new Parsed(reject(LambdaErrorType.MISSING_AUTHENTICATION_TOKEN, MISSING_TOKEN));
        }
        SigV4Authorization auth = SigV4Authorization.parse(authorization);
        if (!SigV4Canonical.ALGORITHM.equals(auth.algorithm())) {
            return new Parsed(incomplete(
                    "Unsupported AWS 'algorithm': '" + auth.algorithm() + "' (only AWS4-HMAC-SHA256 for now). "));
        }
        String amzDateHeader = headers.getFirst(AMZ_DATE);
        String dateHeader = amzDateHeader != null ? amzDateHeader : headers.getFirst(HttpHeaders.DATE);
        String missing = missingParts(auth, dateHeader);
        if (!missing.isEmpty()) {
            return new Parsed(incomplete(missing + "Authorization=" + authorization));
        }
        Instant signedAt = parseDate(dateHeader, amzDateHeader != null);
        if (signedAt == null) {
            return new Parsed(incomplete("Date must be in ISO-8601 'basic format'. Got '" + dateHeader
                    + "'. See http://en.wikipedia.org/wiki/ISO_8601"));
        }
        String amzDate = amzDateHeader != null ? amzDateHeader : BASIC_ISO.format(signedAt.atOffset(ZoneOffset.UTC));
        Optional<Rejected> skewed = checkSkew(signedAt);
        if (skewed.isPresent()) {
            return new Parsed(skewed.get());
        }
        if (auth.signedHeaders().stream().noneMatch("host"::equals)) {
            return new Parsed(reject(
                    LambdaErrorType.INVALID_SIGNATURE, "'Host' must be a 'SignedHeader' in the AWS Authorization."));
        }
        String[] credential = auth.credential().split("/", -1);
        if (credential.length != 5) {
            return new Parsed(incomplete("Credential must have exactly 5 slash-delimited elements, e.g."
                    + " keyid/date/region/service/term, got '" + auth.credential() + "'"));
        }
        String scopeProblems = scopeProblems(credential, amzDate, serviceFor(rawPath, headers));
        if (!scopeProblems.isEmpty()) {
            return new Parsed(reject(LambdaErrorType.INVALID_SIGNATURE, scopeProblems.strip()));
        }
        Optional<String> secret = keys.secretOf(credential[0]);
        if (secret.isEmpty()) {
            return new Parsed(reject(LambdaErrorType.UNRECOGNIZED_CLIENT, UNKNOWN_KEY));
        }
        return new Parsed(null, new Claim(auth, credential, amzDate, secret.get()));
    }

    private AuthResult checkSignature(
            Claim claim, String method, String rawPath, String rawQuery, HttpHeaders headers, String payloadHash) {
        String expected = signature(
                claim.secret(),
                claim.credential(),
                claim.amzDate(),
                method,
                rawPath,
                rawQuery,
                headers,
                claim.auth().signedHeaders(),
                payloadHash);
        return MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII),
                        claim.auth().signature().getBytes(StandardCharsets.US_ASCII))
                ? new Verified(claim.credential()[0])
                : reject(LambdaErrorType.INVALID_SIGNATURE, BAD_SIGNATURE);
    }

    /**
     * Verifies a request whose whole body is at hand (a function URL invoke): the body is hashed here
     * and, when the client sent {@code X-Amz-Content-Sha256} as a digest, compared with it.
     */
    public AuthResult verify(String method, String rawPath, String rawQuery, HttpHeaders headers, byte[] body) {
        String claimed = headers.getFirst(CONTENT_SHA256);
        if (UNSIGNED_PAYLOAD.equals(claimed)) {
            return verify(method, rawPath, rawQuery, headers, claimed);
        }
        String actual = body.length == 0 ? Sha256.EMPTY_PAYLOAD : Sha256.hex(body);
        AuthResult result = verify(method, rawPath, rawQuery, headers, claimed != null ? claimed : actual);
        if (result instanceof Verified && claimed != null && !claimed.equalsIgnoreCase(actual)) {
            return mode == AuthProperties.Mode.ACCEPT_ANY
                    ? result
                    : reject(LambdaErrorType.INVALID_SIGNATURE, PAYLOAD_MISMATCH);
        }
        return result;
    }

    /** The access key id a request claims, whether or not it will verify (for logs and rate limits). */
    public static String accessKeyIdOrAnonymous(HttpHeaders headers) {
        String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            String credential = SigV4Authorization.parse(authorization).credential();
            if (credential != null) {
                int slash = credential.indexOf('/');
                return slash > 0 ? credential.substring(0, slash) : credential;
            }
        }
        return "anonymous";
    }

    private String signature(
            String secret,
            String[] credential,
            String amzDate,
            String method,
            String rawPath,
            String rawQuery,
            HttpHeaders headers,
            List<String> signedHeaders,
            String payloadHash) {
        String canonicalRequest =
                SigV4Canonical.canonicalRequest(method, rawPath, rawQuery, headers, signedHeaders, payloadHash);
        String scope = credential[1] + '/' + credential[2] + '/' + credential[3] + '/' + credential[4];
        String stringToSign = SigV4Canonical.stringToSign(amzDate, scope, Sha256.hex(canonicalRequest));
        byte[] key = signingKeys.signingKey(secret, credential[1], credential[2], credential[3]);
        return Sha256.toHex(Sha256.hmac(key, stringToSign));
    }

    private static String missingParts(SigV4Authorization auth, String date) {
        StringBuilder missing = new StringBuilder();
        if (auth.credential() == null) {
            missing.append("Authorization header requires 'Credential' parameter. ");
        }
        if (auth.signature() == null) {
            missing.append("Authorization header requires 'Signature' parameter. ");
        }
        if (auth.signedHeaders() == null) {
            missing.append("Authorization header requires 'SignedHeaders' parameter. ");
        }
        if (date == null) {
            missing.append("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ");
        }
        return missing.toString();
    }

    /**
     * The service a request must be signed for: {@code events} for an EventBridge call,
     * {@code scheduler} for a Scheduler path, else {@code lambda}.
     */
    static String serviceFor(String rawPath, HttpHeaders headers) {
        String target = headers.getFirst(TARGET);
        if (target != null && target.startsWith(EVENTS_TARGET_PREFIX)) {
            return EVENTS_SERVICE;
        }
        if (rawPath != null && (rawPath.equals(SCHEDULES_PATH) || rawPath.startsWith(SCHEDULES_PATH + "/"))) {
            return SCHEDULER_SERVICE;
        }
        return SERVICE;
    }

    /** Every wrong element of the credential scope, in one message as AWS writes it. */
    private static String scopeProblems(String[] credential, String amzDate, String service) {
        StringBuilder problems = new StringBuilder();
        if (credential[2].isEmpty()) {
            problems.append("Credential should be scoped to a valid region, not '")
                    .append(credential[2])
                    .append("'. ");
        }
        if (!service.equals(credential[3])) {
            problems.append("Credential should be scoped to correct service: '" + service + "'. ");
        }
        if (!"aws4_request".equals(credential[4])) {
            problems.append("Credential should be scoped with a valid terminator: 'aws4_request', not '")
                    .append(credential[4])
                    .append("'. ");
        }
        String day = amzDate.substring(0, 8);
        if (!day.equals(credential[1])) {
            problems.append(
                            "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '")
                    .append(credential[1])
                    .append("' != '")
                    .append(day)
                    .append("', from '")
                    .append(amzDate)
                    .append("'.");
        }
        return problems.toString();
    }

    private Optional<Rejected> checkSkew(Instant signedAt) {
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(maxSkew))) {
            return Optional.of(reject(
                    LambdaErrorType.INVALID_SIGNATURE,
                    "Signature expired: " + basic(signedAt) + " is now earlier than " + basic(now.minus(maxSkew)) + " ("
                            + basic(now) + " - " + minutes() + " min.)"));
        }
        if (signedAt.isAfter(now.plus(maxSkew))) {
            return Optional.of(reject(
                    LambdaErrorType.INVALID_SIGNATURE,
                    "Signature not yet current: " + basic(signedAt) + " is still later than " + basic(now.plus(maxSkew))
                            + " (" + basic(now) + " + " + minutes() + " min.)"));
        }
        return Optional.empty();
    }

    private long minutes() {
        return maxSkew.toMinutes();
    }

    private static String basic(Instant instant) {
        return BASIC_ISO.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** {@code X-Amz-Date} in ISO 8601 basic format, or an RFC 1123 {@code Date}; null if neither parses. */
    static Instant parseDate(String value, boolean amzDate) {
        try {
            if (!amzDate) {
                return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
            }
            if (value.length() != 16 || value.charAt(8) != 'T' || value.charAt(15) != 'Z') {
                return null;
            }
            return LocalDateTime.of(
                            digits(value, 0, 4),
                            digits(value, 4, 6),
                            digits(value, 6, 8),
                            digits(value, 9, 11),
                            digits(value, 11, 13),
                            digits(value, 13, 15))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = Character.digit(text.charAt(i), 10);
            if (digit < 0) {
                throw new NumberFormatException(text);
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static Rejected reject(LambdaErrorType type, String message) {
        return new Rejected(type.code(), type.httpStatus(), message);
    }

    /** A malformed Authorization header: 400, an error type the Lambda catalogue does not list. */
    private static Rejected incomplete(String message) {
        return new Rejected(INCOMPLETE_SIGNATURE, 400, message);
    }
}
