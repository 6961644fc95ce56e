package dev.ignis.contracts.json;

/**
 * JSON string literals for the few hot paths that write JSON by hand (error bodies, log lines)
 * rather than through a general-purpose mapper.
 */
public final class JsonText {

    private JsonText() {}

    /** Appends {@code text} as a quoted, escaped JSON string, or {@code null}. */
    public static StringBuilder appendString(StringBuilder json, String text) {
        if (text == null) {
            return json.append("null");
        }
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        json.append(String.format("\\u%04x", (int) ch));
                    } else {
                        json.append(ch);
                    }
                }
            }
        }
        return json.append('"');
    }
}
