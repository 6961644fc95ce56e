package dev.ignis.invocation.credentials;

/** The credentials a function's SDK finds in its environment (its execution role's, on AWS). */
public record FunctionCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {}
