package dev.ignis.gateway.url;

import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import tools.jackson.databind.json.JsonMapper;

/**
 * The payload format 2.0 event a function URL request becomes, field for field as Lambda builds
 * it: lower-case headers with repeated values comma-joined, cookies split out of the
 * {@code cookie} header (which stays), decoded query parameters, and a body that is base64-encoded
 * unless it is text.
 */
final class UrlEvent {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final Pattern COOKIE_SEPARATOR = Pattern.compile(";\\s*");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Who called, for AWS_IAM URLs; empty for AuthType NONE. */
    record IamCaller(String accessKeyId, String accountId) {}

    private UrlEvent() {}

    static byte[] build(
            ServerHttpRequest request,
            UrlTarget target,
            byte[] body,
            Optional<IamCaller> caller,
            String requestId,
            Instant now) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", "$default");
        event.put("rawPath", target.rawPath());
        String rawQuery = request.getURI().getRawQuery();
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        Map<String, String> headers = headers(request.getHeaders());
        String cookie = headers.get("cookie");
        if (cookie != null) {
            event.put("cookies", List.of(COOKIE_SEPARATOR.split(cookie)));
        }
        event.put("headers", headers);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            event.put("queryStringParameters", queryParameters(rawQuery));
        }
        event.put("requestContext", requestContext(request, target, caller, requestId, now));
        boolean base64 = body.length > 0 && !isText(request.getHeaders().getContentType());
        if (body.length > 0) {
            event.put(
                    "body",
                    base64 ? Base64.getEncoder().encodeToString(body) : new String(body, StandardCharsets.UTF_8));
        }
        event.put("pathParameters", null);
        event.put("isBase64Encoded", base64);
        event.put("stageVariables", null);
        return JSON.writeValueAsBytes(event);
    }

    private static Map<String, Object> requestContext(
            ServerHttpRequest request, UrlTarget target, Optional<IamCaller> caller, String requestId, Instant now) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", caller.map(IamCaller::accountId).orElse("anonymous"));
        context.put("apiId", target.urlId());
        context.put("authentication", null);
        caller.ifPresent(iam -> context.put("authorizer", Map.of("iam", iamAuthorizer(iam))));
        context.put("domainName", target.domainName());
        context.put("domainPrefix", target.urlId());
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", request.getMethod().name());
        http.put("path", target.rawPath());
        http.put("protocol", "HTTP/1.1");
        InetSocketAddress remote = request.getRemoteAddress();
        http.put("sourceIp", remote == null ? "127.0.0.1" : remote.getAddress().getHostAddress());
        http.put("userAgent", request.getHeaders().getFirst(HttpHeaders.USER_AGENT));
        context.put("http", http);
        context.put("requestId", requestId);
        context.put("routeKey", "$default");
        context.put("stage", "$default");
        context.put("time", TIME.format(now));
        context.put("timeEpoch", now.toEpochMilli());
        return context;
    }

    private static Map<String, Object> iamAuthorizer(IamCaller caller) {
        Map<String, Object> iam = new LinkedHashMap<>();
        iam.put("accessKey", caller.accessKeyId());
        iam.put("accountId", caller.accountId());
        iam.put("callerId", caller.accessKeyId());
        iam.put("cognitoIdentity", null);
        iam.put("principalOrgId", null);
        iam.put("userArn", "arn:aws:iam::" + caller.accountId() + ":user/" + caller.accessKeyId());
        iam.put("userId", caller.accessKeyId());
        return iam;
    }

    private static Map<String, String> headers(HttpHeaders headers) {
        Map<String, String> joined = new LinkedHashMap<>();
        headers.forEach((name, values) ->
                joined.merge(name.toLowerCase(Locale.ROOT), String.join(",", values), (a, b) -> a + "," + b));
        return joined;
    }

    private static Map<String, String> queryParameters(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text; // a malformed escape is passed on as sent
        }
    }

    /** Text bodies travel as they are; everything else (forms and unknown types too) as base64. */
    static boolean isText(MediaType type) {
        if (type == null) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return type.getType().equalsIgnoreCase("text")
                || (type.getType().equalsIgnoreCase("application")
                        && (subtype.equals("json")
                                || subtype.equals("javascript")
                                || subtype.equals("xml")
                                || subtype.equals("yaml")
                                || subtype.endsWith("+json")
                                || subtype.endsWith("+xml")));
    }
}
