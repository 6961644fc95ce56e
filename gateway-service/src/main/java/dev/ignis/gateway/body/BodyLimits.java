package dev.ignis.gateway.body;

import org.springframework.http.HttpMethod;

/**
 * The largest body each Lambda API operation accepts, decided from the method and path alone so a
 * request can be refused from its headers. Invokes take Lambda's 6 MB; uploads of code (CreateFunction,
 * UpdateFunctionCode, PublishLayerVersion) take a 50 MB package as base64 in JSON, which is AWS's
 * 69,905,067-byte request limit; everything else is a small JSON document.
 */
public final class BodyLimits {

    /** Lambda's synchronous request limit: a request must be smaller than this. */
    public static final long INVOKE = 6_291_456;

    private final long upload;
    private final long other;

    public BodyLimits(BodyProperties properties) {
        this.upload = properties.maxUploadBytes().toBytes();
        this.other = properties.maxOtherBytes().toBytes();
    }

    /** The operation a request's size is judged for, with its limit in bytes. */
    public record Limit(String operation, long maxBytes) {

        /** AWS's wording: the request must be strictly smaller than the limit. */
        public boolean refuses(long bytes) {
            return bytes >= maxBytes;
        }

        public String message() {
            return "Request must be smaller than " + maxBytes + " bytes for the " + operation + " operation";
        }
    }

    public Limit of(HttpMethod method, String path) {
        if (path.endsWith("/invocations")) {
            return new Limit("InvokeFunction", INVOKE);
        }
        if (HttpMethod.POST.equals(method)
                && (path.equals("/2015-03-31/functions") || path.equals("/2015-03-31/functions/"))) {
            return new Limit("CreateFunction", upload);
        }
        if (HttpMethod.PUT.equals(method) && path.startsWith("/2015-03-31/functions/") && path.endsWith("/code")) {
            return new Limit("UpdateFunctionCode", upload);
        }
        if (HttpMethod.POST.equals(method) && path.startsWith("/2018-10-31/layers/") && path.endsWith("/versions")) {
            return new Limit("PublishLayerVersion", upload);
        }
        return new Limit("requested", other);
    }
}
