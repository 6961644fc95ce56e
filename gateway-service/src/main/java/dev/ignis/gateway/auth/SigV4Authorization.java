package dev.ignis.gateway.auth;

import java.util.List;

/**
 * The parts of an {@code Authorization: AWS4-HMAC-SHA256 Credential=.., SignedHeaders=..,
 * Signature=..} header. {@link #parse} returns null parts for what is missing, so the verifier can
 * name every missing parameter in one message, as AWS does.
 */
record SigV4Authorization(String algorithm, String credential, List<String> signedHeaders, String signature) {

    static SigV4Authorization parse(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        String algorithm = space < 0 ? value : value.substring(0, space);
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        if (space > 0) {
            for (String part : value.substring(space + 1).split(",")) {
                String item = part.strip();
                int eq = item.indexOf('=');
                if (eq <= 0) {
                    continue;
                }
                String name = item.substring(0, eq);
                String content = item.substring(eq + 1).strip();
                switch (name) {
                    case "Credential" -> credential = content;
                    case "SignedHeaders" -> signedHeaders = content;
                    case "Signature" -> signature = content;
                    default -> {
                        // AWS ignores parameters it does not know; so does the gateway.
                    }
                }
            }
        }
        return new SigV4Authorization(
                algorithm,
                blankToNull(credential),
                signedHeaders == null || signedHeaders.isEmpty() ? null : List.of(signedHeaders.split(";")),
                blankToNull(signature));
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
