package dev.ignis.registry.function;

import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.code.CodeStore;
import dev.ignis.registry.code.Sha256;
import dev.ignis.registry.code.ZipInspector;
import dev.ignis.registry.config.RegistryProperties;
import java.util.Base64;
import org.springframework.stereotype.Component;

/**
 * Takes a {@code ZipFile} from CreateFunction or UpdateFunctionCode: decodes it, checks it
 * (size, zip bomb, escaping paths) and stores it, content-addressed, before any transaction
 * names it.
 */
@Component
class PackageIntake {

    private final CodeStore code;
    private final ZipInspector zips;
    private final long maxZippedBytes;

    PackageIntake(CodeStore code, ZipInspector zips, RegistryProperties properties) {
        this.code = code;
        this.zips = zips;
        this.maxZippedBytes = properties.maxZippedCodeBytes();
    }

    /** A package that passed the checks: where it is stored (or would be) and its size. */
    record Package(String sha256Hex, long size) {}

    Package store(String base64) {
        byte[] zip = checked(base64);
        return new Package(code.put(zip), zip.length);
    }

    /** The checks and the digest without storing anything: UpdateFunctionCode's DryRun. */
    Package inspectOnly(String base64) {
        byte[] zip = checked(base64);
        return new Package(Sha256.hex(zip), zip.length);
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
        try {
            zips.inspect(zip);
        } catch (ZipInspector.RejectedZipException e) {
            throw LambdaApiException.invalidParameter(e.getMessage());
        }
        return zip;
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
