package dev.ignis.contracts.zip;

/**
 * What a function package may inflate to: entries, total real (inflated, not declared) bytes, and
 * the ratio of those bytes to the archive's size.
 */
public record ZipLimits(long maxUnzippedBytes, int maxEntries, long maxCompressionRatio) {

    /** Lambda's 250 MB unzipped; the entry count and the ratio are Ignis's guard against bombs. */
    public static final ZipLimits LAMBDA = new ZipLimits(262_144_000L, 20_000, 200);
}
