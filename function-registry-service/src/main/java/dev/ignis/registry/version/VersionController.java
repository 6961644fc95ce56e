package dev.ignis.registry.version;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.registry.api.Pages;
import dev.ignis.registry.function.FunctionApi.FunctionConfiguration;
import dev.ignis.registry.function.FunctionViews;
import dev.ignis.registry.function.StoredFunction;
import dev.ignis.registry.serving.ServingStatus.Stage;
import dev.ignis.registry.version.VersionApi.ListVersionsByFunctionResponse;
import dev.ignis.registry.version.VersionApi.PublishVersionRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** PublishVersion and ListVersionsByFunction (2015-03-31). */
@RestController
@RequestMapping("/2015-03-31/functions/{functionName}/versions")
@Tag(name = "Versions")
class VersionController {

    private final VersionService versions;
    private final FunctionViews views;

    VersionController(VersionService versions, FunctionViews views) {
        this.versions = versions;
        this.views = views;
    }

    @Operation(summary = "PublishVersion")
    @PostMapping
    ResponseEntity<FunctionConfiguration> publish(
            @PathVariable String functionName, @RequestBody(required = false) PublishVersionRequest request) {
        PublishVersionRequest r = request == null ? new PublishVersionRequest(null, null, null) : request;
        StoredFunction version = versions.publish(
                FunctionRef.parse(functionName).functionName(), r.description(), r.codeSha256(), r.revisionId());
        return ResponseEntity.status(HttpStatus.CREATED).body(views.configuration(version, Stage.PENDING));
    }

    @Operation(summary = "ListVersionsByFunction")
    @GetMapping
    ListVersionsByFunctionResponse list(
            @PathVariable String functionName,
            @RequestParam(name = "Marker", required = false) String marker,
            @RequestParam(name = "MaxItems", required = false, defaultValue = "50") int maxItems) {
        Pages.checkMaxItems(maxItems, 10_000);
        String name = FunctionRef.parse(functionName).functionName();
        var page = Pages.of(versions.list(name, marker, maxItems + 1), maxItems, StoredFunction::version)
                .map(views::configuration);
        return new ListVersionsByFunctionResponse(page.items(), page.nextMarker());
    }
}
