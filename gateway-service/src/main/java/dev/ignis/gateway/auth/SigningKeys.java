package dev.ignis.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derived SigV4 signing keys, cached per (secret, date, region, service): the four chained HMACs
 * change once a day per key, so a warm request pays for one HMAC instead of five.
 */
public final class SigningKeys {

    /** Dates roll and regions are caller-chosen: a full cache is simply dropped and refilled. */
    private static final int MAX_ENTRIES = 1024;

    private record Scope(String secret, String date, String region, String service) {}

    private final ConcurrentHashMap<Scope, byte[]> cache = new ConcurrentHashMap<>();

    public byte[] signingKey(String secret, String date, String region, String service) {
        Scope scope = new Scope(secret, date, region, service);
        byte[] key = cache.get(scope);
        if (key == null) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            key = derive(secret, date, region, service);
            cache.put(scope, key);
        }
        return key;
    }

    public static byte[] derive(String secret, String date, String region, String service) {
        byte[] dateKey = Sha256.hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        byte[] regionKey = Sha256.hmac(dateKey, region);
        byte[] serviceKey = Sha256.hmac(regionKey, service);
        return Sha256.hmac(serviceKey, "aws4_request");
    }
}
