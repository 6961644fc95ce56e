package dev.ignis.gateway.url;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a function URL answers, read from the function's result as Lambda reads it: an object with
 * {@code statusCode} is a response (headers, {@code cookies} as {@code Set-Cookie}, a body that may
 * be base64); any other JSON value is the body of a 200 {@code application/json} response.
 */
record UrlReply(int status, HttpHeaders headers, byte[] body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final byte[] INTERNAL_ERROR = "Internal Server Error".getBytes(StandardCharsets.US_ASCII);

    /** Lambda's answer when the function failed or its result cannot be read. */
    static UrlReply internalServerError() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.TEXT_PLAIN);
        return new UrlReply(502, headers, INTERNAL_ERROR);
    }

    static UrlReply fromResult(byte[] payload) {
        JsonNode result;
        try {
            result = JSON.readTree(payload);
        } catch (JacksonException e) {
            return internalServerError();
        }
        if (result == null || !result.isObject() || !result.has("statusCode")) {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            return new UrlReply(200, headers, payload);
        }
        JsonNode statusCode = result.get("statusCode");
        if (!statusCode.canConvertToInt() || statusCode.asInt() < 100 || statusCode.asInt() > 599) {
            return internalServerError();
        }
        HttpHeaders headers = new HttpHeaders();
        JsonNode fields = result.path("headers");
        if (fields.isObject()) {
            for (Map.Entry<String, JsonNode> field : fields.properties()) {
                headers.remove(field.getKey());
                FunctionHeaders.add(headers, field.getKey(), text(field.getValue()));
            }
        }
        for (JsonNode cookie : result.path("cookies")) {
            FunctionHeaders.add(headers, HttpHeaders.SET_COOKIE, text(cookie));
        }
        if (headers.getContentType() == null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        byte[] body;
        try {
            body = body(result);
        } catch (IllegalArgumentException e) {
            return internalServerError(); // isBase64Encoded with a body that is not base64
        }
        return new UrlReply(statusCode.asInt(), headers, body);
    }

    private static byte[] body(JsonNode result) {
        JsonNode body = result.get("body");
        if (body == null || body.isNull()) {
            return new byte[0];
        }
        if (!body.isString()) {
            return JSON.writeValueAsBytes(body);
        }
        return result.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(body.asString())
                : body.asString().getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode value) {
        return value.isString() ? value.asString() : value.toString();
    }
}
