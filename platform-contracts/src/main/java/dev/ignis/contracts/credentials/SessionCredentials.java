package dev.ignis.contracts.credentials;

import java.time.Instant;

/** A function's short-lived credentials, as its SDK finds them in its environment. */
public record SessionCredentials(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration) {}
