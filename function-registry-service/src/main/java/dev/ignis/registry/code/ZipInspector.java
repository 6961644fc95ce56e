package dev.ignis.registry.code;

import dev.ignis.contracts.zip.PackageZip;
import dev.ignis.contracts.zip.ZipLimits;
import dev.ignis.contracts.zip.ZipRejectedException;

/**
 * Checks an uploaded package before anything is stored, by the same reading invocation-service
 * extracts it with ({@link PackageZip}): entries inside the root, no links, and the real
 * (inflated, not declared) size within the limits, so a zip bomb is stopped while it is being
 * counted rather than after it filled a disk.
 */
public final class ZipInspector {

    private static final String UNREADABLE =
            "Could not unzip uploaded file. Please check your file, then try to upload again.";

    private final ZipLimits limits;

    public ZipInspector(ZipLimits limits) {
        this.limits = limits;
    }

    /** The outcome of a successful inspection. */
    public record Inspection(int entries, long unzippedBytes) {}

    /** A package Lambda would refuse, with the reason in AWS's words where AWS has words. */
    public static final class RejectedZipException extends Exception {
        public RejectedZipException(String message) {
            super(message);
        }
    }

    public Inspection inspect(byte[] zip) throws RejectedZipException {
        try {
            PackageZip.Summary summary = PackageZip.inspect(zip, limits);
            return new Inspection(summary.entries(), summary.unzippedBytes());
        } catch (ZipRejectedException e) {
            throw new RejectedZipException(
                    e.reason() == ZipRejectedException.Reason.CORRUPT ? UNREADABLE : e.getMessage());
        }
    }
}
