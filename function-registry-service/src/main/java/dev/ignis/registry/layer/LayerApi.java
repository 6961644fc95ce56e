package dev.ignis.registry.layer;

import java.util.List;

/** The layer operations' shapes (2018-10-31), as the Lambda API names their fields. */
final class LayerApi {

    private LayerApi() {}

    record PublishLayerVersionRequest(
            Content content,
            String description,
            List<String> compatibleRuntimes,
            List<String> compatibleArchitectures,
            String licenseInfo) {}

    /** Only {@code ZipFile} is supported; S3 locations are refused. */
    record Content(String zipFile, String s3Bucket, String s3Key, String s3ObjectVersion) {}

    /** {@code Location} is a gateway URL serving the ZIP, as GetFunction's {@code Code.Location}. */
    record ContentOutput(String location, String codeSha256, long codeSize) {}

    /** PublishLayerVersion, GetLayerVersion and GetLayerVersionByArn all answer with this. */
    record LayerVersionResponse(
            ContentOutput content,
            String layerArn,
            String layerVersionArn,
            String description,
            String createdDate,
            long version,
            List<String> compatibleRuntimes,
            String licenseInfo,
            List<String> compatibleArchitectures) {}

    record LayerVersionsListItem(
            String layerVersionArn,
            long version,
            String description,
            String createdDate,
            List<String> compatibleRuntimes,
            String licenseInfo,
            List<String> compatibleArchitectures) {}

    record LayersListItem(String layerName, String layerArn, LayerVersionsListItem latestMatchingVersion) {}

    record ListLayersResponse(String nextMarker, List<LayersListItem> layers) {}

    record ListLayerVersionsResponse(String nextMarker, List<LayerVersionsListItem> layerVersions) {}
}
