package dev.ignis.registry.code;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.registry.api.LambdaApiException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * Takes a {@code ZipFile} from CreateFunction, UpdateFunctionCode or PublishLayerVersion: decodes
 * it, checks it (size, zip bomb, escaping paths) and stores it, content-addressed, before any
 * transaction names it. Function and layer packages pass the same checks.
 */
public class PackageIntake {

    private final CodeStore code;
    private final ZipInspector zips;
    private final long maxZippedBytes;

    public PackageIntake(CodeStore code, ZipInspector zips, long maxZippedBytes) {
        this.code = code;
        this.zips = zips;
        this.maxZippedBytes = maxZippedBytes;
    }

    /**
     * A package that passed the checks: where it is stored (or would be), its size and what it
     * inflates to (for the 250 MB limit on a function and its layers together).
     */
    public record Package(String sha256Hex, long size, long unzippedSize) {}

    public Package store(String base64) {
        byte[] zip = checked(base64);
        long unzipped = inspect(zip);
        return new Package(code.put(zip), zip.length, unzipped);
    }

    /** The checks and the digest without storing anything: UpdateFunctionCode's DryRun. */
    public Package inspectOnly(String base64) {
        byte[] zip = checked(base64);
        return new Package(Sha256.hex(zip), zip.length, inspect(zip));
    }

    /**
     * What a stored package inflates to, measured again: for packages stored before their unzipped
     * size was recorded (migration V4).
     */
    public long unzippedSizeOf(String sha256Hex) {
        try (InputStream in = code.open(sha256Hex)
                .orElseThrow(() -> new IllegalStateException("Package " + sha256Hex + " is missing"))) {
            return zips.inspect(in.readAllBytes()).unzippedBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ZipInspector.RejectedZipException e) {
            throw new IllegalStateException("Stored package " + sha256Hex + " no longer passes inspection", e);
        }
    }

    private byte[] checked(String base64) {
        if (base64 == null) {
            throw LambdaApiException.invalidParameter(
                    "Please provide a source for function code (ZipFile); S3 and image sources are not supported.");
        }
        byte[] zip = decode(base64);
        if (zip.length > maxZippedBytes) {
            throw new LambdaApiException(
                    LambdaErrorType.REQUEST_TOO_LARGE, "Zipped size must be smaller than " + maxZippedBytes + " bytes");
        }
        return zip;
    }

    private long inspect(byte[] zip) {
        try {
            return zips.inspect(zip).unzippedBytes();
        } catch (ZipInspector.RejectedZipException e) {
            throw LambdaApiException.invalidParameter(e.getMessage());
        }
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw LambdaApiException.invalidParameter(
                    "Could not unzip uploaded file. Please check your file, then try to upload again.");
        }
    }
}
