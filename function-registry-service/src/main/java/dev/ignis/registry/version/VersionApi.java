package dev.ignis.registry.version;

import dev.ignis.registry.function.FunctionApi.FunctionConfiguration;
import java.util.List;

/** PublishVersion and ListVersionsByFunction, as the Lambda API names their fields. */
final class VersionApi {

    private VersionApi() {}

    record PublishVersionRequest(String codeSha256, String description, String revisionId) {}

    record ListVersionsByFunctionResponse(List<FunctionConfiguration> versions, String nextMarker) {}
}
