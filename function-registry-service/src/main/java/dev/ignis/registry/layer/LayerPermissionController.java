package dev.ignis.registry.layer;

import dev.ignis.registry.layer.LayerPermissionService.Added;
import dev.ignis.registry.layer.LayerPermissionService.Policy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/** The layer version permission operations (2018-10-31), on AWS's paths. */
@RestController
@RequestMapping("/2018-10-31/layers/{layerName}/versions/{versionNumber}/policy")
@Tag(name = "Layers")
class LayerPermissionController {

    record AddLayerVersionPermissionRequest(
            String statementId, String action, String principal, String organizationId) {}

    private final LayerPermissionService permissions;

    LayerPermissionController(LayerPermissionService permissions) {
        this.permissions = permissions;
    }

    @Operation(summary = "AddLayerVersionPermission")
    @PostMapping
    ResponseEntity<Added> add(
            @PathVariable String layerName,
            @PathVariable long versionNumber,
            @RequestParam(name = "RevisionId", required = false) String revisionId,
            @RequestBody AddLayerVersionPermissionRequest request) {
        LayerStatement statement = new LayerStatement(
                request.statementId(), request.action(), request.principal(), request.organizationId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(permissions.add(layerName, versionNumber, statement, revisionId));
    }

    @Operation(summary = "GetLayerVersionPolicy")
    @GetMapping
    Policy get(@PathVariable String layerName, @PathVariable long versionNumber) {
        return permissions.get(layerName, versionNumber);
    }

    @Operation(summary = "RemoveLayerVersionPermission")
    @DeleteMapping("/{statementId}")
    ResponseEntity<Void> remove(
            @PathVariable String layerName,
            @PathVariable long versionNumber,
            @PathVariable String statementId,
            @RequestParam(name = "RevisionId", required = false) String revisionId) {
        permissions.remove(layerName, versionNumber, statementId, revisionId);
        return ResponseEntity.noContent().build();
    }
}
