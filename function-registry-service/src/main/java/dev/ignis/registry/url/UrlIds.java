package dev.ignis.registry.url;

import java.security.SecureRandom;

/**
 * URL ids: 32 lower-case letters and digits, like AWS's. Random rather than derived from the
 * function, so that a deleted and re-created URL gets a new host and old links stop working.
 */
final class UrlIds {

    static final int LENGTH = 32;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private UrlIds() {}

    static String next() {
        StringBuilder id = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
