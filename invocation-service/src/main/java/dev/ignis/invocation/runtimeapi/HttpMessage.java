package dev.ignis.invocation.runtimeapi;

import java.util.Map;

/**
 * One HTTP/1.1 request as the Runtime API sees it: method, path (query dropped), lower-cased
 * header names and the whole body ({@code null} when it was over the limit and left unread).
 */
record HttpMessage(String method, String path, Map<String, String> headers, byte[] body) {

    boolean bodyOverLimit() {
        return body == null;
    }

    String header(String name) {
        return headers.get(name);
    }
}
