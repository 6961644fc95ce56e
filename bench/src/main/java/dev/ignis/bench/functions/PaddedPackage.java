package dev.ignis.bench.functions;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The python no-op with a file of random bytes beside it, so the ZIP is as large as asked: random
 * bytes do not deflate, which makes the upload, the hash and the store really cost that size.
 */
public final class PaddedPackage {

    private PaddedPackage() {}

    /**
     * A package with {@code padding} random bytes in {@code padding.bin}. Each {@code seed} gives
     * other bytes, hence another SHA-256: the registry's code store deduplicates by hash, and the
     * same package twice would time a lookup instead of a store.
     */
    public static byte[] of(int padding, long seed) {
        byte[] random = new byte[padding];
        new SplittableRandom(seed).nextBytes(random);
        return Packages.zip(Map.of(
                "noop.py", Packages.File.regular(Packages.resource("/functions/noop.py")),
                "padding.bin", Packages.File.regular(random)));
    }
}
