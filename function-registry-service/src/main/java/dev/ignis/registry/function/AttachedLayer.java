package dev.ignis.registry.function;

/**
 * A layer version as a function keeps it: enough to run it and to count it against the 250 MB limit
 * even after the layer version itself was deleted (AWS keeps a copy for the functions that use it).
 *
 * @param arn the layer version ARN
 * @param codeSha256 the package's SHA-256 in base64, as Lambda reports it
 * @param codeSize the zipped size
 * @param unzippedSize what it inflates to under {@code /opt}
 */
public record AttachedLayer(String arn, String codeSha256, long codeSize, long unzippedSize) {}
