package dev.ignis.registry.api;

import com.fasterxml.jackson.annotation.JsonProperty;

/** AWS's service error body: {@code {"Type":"User","message":"..."}} (note the lower-case message). */
public record ErrorBody(@JsonProperty("Type") String type, @JsonProperty("message") String message) {}
