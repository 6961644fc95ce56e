package dev.ignis.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * The canonical request and string to sign of AWS Signature Version 4, built from the request as it
 * arrived. Pure functions, no regular expressions: this runs once per API call.
 *
 * <p>Path rule (every service but S3): the client signs its already percent-encoded path encoded a
 * second time, so the gateway encodes the raw path it received once more. Query rule: names and
 * values are decoded and re-encoded strictly, then sorted, so {@code +} or an unencoded character
 * sent by a lax client still canonicalises the way the client's signer saw it.
 */
public final class SigV4Canonical {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";

    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private SigV4Canonical() {}

    public static String canonicalRequest(
            String method,
            String rawPath,
            String rawQuery,
            HttpHeaders headers,
            List<String> signedHeaders,
            String payloadHash) {
        StringBuilder out = new StringBuilder(256);
        out.append(method).append('\n');
        out.append(canonicalUri(rawPath)).append('\n');
        out.append(canonicalQuery(rawQuery)).append('\n');
        for (String name : signedHeaders) {
            out.append(name).append(':');
            appendHeaderValues(out, headers.get(name));
            out.append('\n');
        }
        out.append('\n');
        out.append(String.join(";", signedHeaders)).append('\n');
        out.append(payloadHash);
        return out.toString();
    }

    public static String stringToSign(String amzDate, String scope, String canonicalRequestSha256Hex) {
        return ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + canonicalRequestSha256Hex;
    }

    static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        String path = rawPath.contains("/.") ? removeDotSegments(rawPath) : rawPath;
        StringBuilder out = new StringBuilder(path.length() + 16);
        encode(path, true, out);
        return out.toString();
    }

    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> params = new ArrayList<>();
        int start = 0;
        while (start <= rawQuery.length()) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end > start) {
                String pair = rawQuery.substring(start, end);
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.add(new String[] {reencode(name), reencode(value)});
            }
            start = end + 1;
        }
        params.sort((a, b) -> {
            int byName = a[0].compareTo(b[0]);
            return byName != 0 ? byName : a[1].compareTo(b[1]);
        });
        StringBuilder out = new StringBuilder(rawQuery.length() + 16);
        for (String[] param : params) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(param[0]).append('=').append(param[1]);
        }
        return out.toString();
    }

    /** Values of one header: trimmed, inner runs of spaces collapsed, repeated headers comma-joined. */
    private static void appendHeaderValues(StringBuilder out, List<String> values) {
        if (values == null) {
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String value = values.get(i).strip();
            boolean lastWasSpace = false;
            for (int c = 0; c < value.length(); c++) {
                char ch = value.charAt(c);
                boolean space = ch == ' ' || ch == '\t';
                if (!(space && lastWasSpace)) {
                    out.append(space ? ' ' : ch);
                }
                lastWasSpace = space;
            }
        }
    }

    private static String reencode(String component) {
        StringBuilder out = new StringBuilder(component.length() + 8);
        encode(percentDecode(component), false, out);
        return out.toString();
    }

    /** RFC 3986 encoding as SigV4 wants it: unreserved characters stay, everything else is %XX. */
    private static void encode(String text, boolean keepSlash, StringBuilder out) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (isUnreserved(ch) || (keepSlash && ch == '/')) {
                out.append(ch);
            } else if (ch < 0x80) {
                appendPercent(out, ch);
            } else {
                int end = Character.isHighSurrogate(ch) && i + 1 < text.length() ? i + 2 : i + 1;
                for (byte b : text.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    appendPercent(out, b & 0xff);
                }
                i = end - 1;
            }
        }
    }

    private static boolean isUnreserved(char ch) {
        return (ch >= 'A' && ch <= 'Z')
                || (ch >= 'a' && ch <= 'z')
                || (ch >= '0' && ch <= '9')
                || ch == '-'
                || ch == '_'
                || ch == '.'
                || ch == '~';
    }

    private static void appendPercent(StringBuilder out, int octet) {
        out.append('%').append(HEX_UPPER[octet >> 4]).append(HEX_UPPER[octet & 0xf]);
    }

    /** Percent-decoding that leaves {@code +} alone (SigV4 clients encode a space as %20). */
    private static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        byte[] bytes = new byte[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            int high = i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (ch == '%' && low >= 0) {
                bytes[length++] = (byte) ((high << 4) | low);
                i += 2;
            } else if (ch < 0x80) {
                bytes[length++] = (byte) ch;
            } else {
                return text; // not a wire-encoded component; sign it as it is
            }
        }
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    /** RFC 3986 section 5.2.4, as the SDKs normalise a path before signing it. */
    private static String removeDotSegments(String path) {
        String[] segments = path.split("/", -1);
        List<String> kept = new ArrayList<>(segments.length);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".")) {
                if (last) {
                    kept.add("");
                }
            } else if (segment.equals("..")) {
                if (!kept.isEmpty()) {
                    kept.removeLast();
                }
                if (last) {
                    kept.add("");
                }
            } else {
                kept.add(segment);
            }
        }
        return "/" + String.join("/", kept);
    }
}
