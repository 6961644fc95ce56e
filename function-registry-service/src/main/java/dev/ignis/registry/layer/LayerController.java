package dev.ignis.registry.layer;

import dev.ignis.contracts.registry.LayerVersionSnapshot;
import dev.ignis.registry.api.AwsTime;
import dev.ignis.registry.api.Pages;
import dev.ignis.registry.layer.LayerApi.ContentOutput;
import dev.ignis.registry.layer.LayerApi.LayerVersionResponse;
import dev.ignis.registry.layer.LayerApi.LayerVersionsListItem;
import dev.ignis.registry.layer.LayerApi.LayersListItem;
import dev.ignis.registry.layer.LayerApi.ListLayerVersionsResponse;
import dev.ignis.registry.layer.LayerApi.ListLayersResponse;
import dev.ignis.registry.layer.LayerApi.PublishLayerVersionRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The layer operations of the Lambda API (2018-10-31), on AWS's paths. */
@RestController
@RequestMapping("/2018-10-31/layers")
@Tag(name = "Layers")
class LayerController {

    private static final int MAX_ITEMS = 50;

    private final LayerService layers;

    LayerController(LayerService layers) {
        this.layers = layers;
    }

    @Operation(summary = "PublishLayerVersion")
    @PostMapping("/{layerName}/versions")
    ResponseEntity<LayerVersionResponse> publish(
            @PathVariable String layerName, @RequestBody PublishLayerVersionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(view(layers.publish(layerName, request)));
    }

    @Operation(summary = "GetLayerVersion")
    @GetMapping("/{layerName}/versions/{versionNumber}")
    LayerVersionResponse get(@PathVariable String layerName, @PathVariable long versionNumber) {
        return view(layers.get(layerName, versionNumber));
    }

    /** Shares its path with ListLayers; {@code find=LayerVersion} tells them apart, as on AWS. */
    @Operation(summary = "GetLayerVersionByArn")
    @GetMapping(params = "find=LayerVersion")
    LayerVersionResponse getByArn(@RequestParam(name = "Arn", required = false) String arn) {
        return view(layers.getByArn(arn));
    }

    @Operation(summary = "ListLayers")
    @GetMapping(params = "!find")
    ListLayersResponse list(
            @RequestParam(name = "CompatibleRuntime", required = false) String runtime,
            @RequestParam(name = "CompatibleArchitecture", required = false) String architecture,
            @RequestParam(name = "Marker", required = false) String marker,
            @RequestParam(name = "MaxItems", required = false, defaultValue = "50") int maxItems) {
        Pages.checkMaxItems(maxItems, MAX_ITEMS);
        var page = Pages.of(
                        layers.listLayers(runtime, architecture, marker, maxItems + 1),
                        maxItems,
                        LayerVersionSnapshot::layerName)
                .map(v -> new LayersListItem(v.layerName(), v.layerArn(), listItem(v)));
        return new ListLayersResponse(page.nextMarker(), page.items());
    }

    @Operation(summary = "ListLayerVersions")
    @GetMapping("/{layerName}/versions")
    ListLayerVersionsResponse listVersions(
            @PathVariable String layerName,
            @RequestParam(name = "CompatibleRuntime", required = false) String runtime,
            @RequestParam(name = "CompatibleArchitecture", required = false) String architecture,
            @RequestParam(name = "Marker", required = false) String marker,
            @RequestParam(name = "MaxItems", required = false, defaultValue = "50") int maxItems) {
        Pages.checkMaxItems(maxItems, MAX_ITEMS);
        var page = Pages.of(
                        layers.listVersions(layerName, runtime, architecture, marker, maxItems + 1),
                        maxItems,
                        v -> Long.toString(v.version()))
                .map(LayerController::listItem);
        return new ListLayerVersionsResponse(page.nextMarker(), page.items());
    }

    @Operation(summary = "DeleteLayerVersion")
    @DeleteMapping("/{layerName}/versions/{versionNumber}")
    ResponseEntity<Void> delete(@PathVariable String layerName, @PathVariable long versionNumber) {
        layers.delete(layerName, versionNumber);
        return ResponseEntity.noContent().build();
    }

    private LayerVersionResponse view(LayerVersionSnapshot v) {
        return new LayerVersionResponse(
                new ContentOutput(layers.location(v), v.codeSha256(), v.codeSize()),
                v.layerArn(),
                v.layerVersionArn(),
                v.description(),
                AwsTime.format(v.createdDate()),
                v.version(),
                emptyToNull(v.compatibleRuntimes()),
                v.licenseInfo(),
                emptyToNull(v.compatibleArchitectures()));
    }

    private static LayerVersionsListItem listItem(LayerVersionSnapshot v) {
        return new LayerVersionsListItem(
                v.layerVersionArn(),
                v.version(),
                v.description(),
                AwsTime.format(v.createdDate()),
                emptyToNull(v.compatibleRuntimes()),
                v.licenseInfo(),
                emptyToNull(v.compatibleArchitectures()));
    }

    /** AWS leaves out a list that was never given. */
    private static List<String> emptyToNull(List<String> values) {
        return values.isEmpty() ? null : values;
    }
}
