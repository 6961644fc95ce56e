package dev.ignis.registry.alias;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.registry.AliasSnapshot;
import dev.ignis.registry.alias.AliasApi.AliasConfiguration;
import dev.ignis.registry.alias.AliasApi.AliasRoutingConfiguration;
import dev.ignis.registry.alias.AliasApi.CreateAliasRequest;
import dev.ignis.registry.alias.AliasApi.ListAliasesResponse;
import dev.ignis.registry.alias.AliasApi.UpdateAliasRequest;
import dev.ignis.registry.api.Pages;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CreateAlias, GetAlias, UpdateAlias, DeleteAlias and ListAliases (2015-03-31). */
@RestController
@RequestMapping("/2015-03-31/functions/{functionName}/aliases")
@Tag(name = "Aliases")
class AliasController {

    private final AliasService aliases;

    AliasController(AliasService aliases) {
        this.aliases = aliases;
    }

    @Operation(summary = "CreateAlias")
    @PostMapping
    ResponseEntity<AliasConfiguration> create(
            @PathVariable String functionName, @RequestBody CreateAliasRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(configuration(aliases.create(name(functionName), request)));
    }

    @Operation(summary = "GetAlias")
    @GetMapping("/{alias}")
    AliasConfiguration get(@PathVariable String functionName, @PathVariable String alias) {
        return configuration(aliases.get(name(functionName), alias));
    }

    @Operation(summary = "UpdateAlias")
    @PutMapping("/{alias}")
    AliasConfiguration update(
            @PathVariable String functionName, @PathVariable String alias, @RequestBody UpdateAliasRequest request) {
        return configuration(aliases.update(name(functionName), alias, request));
    }

    @Operation(summary = "DeleteAlias")
    @DeleteMapping("/{alias}")
    ResponseEntity<Void> delete(@PathVariable String functionName, @PathVariable String alias) {
        aliases.delete(name(functionName), alias);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "ListAliases")
    @GetMapping
    ListAliasesResponse list(
            @PathVariable String functionName,
            @RequestParam(name = "FunctionVersion", required = false) String functionVersion,
            @RequestParam(name = "Marker", required = false) String marker,
            @RequestParam(name = "MaxItems", required = false, defaultValue = "50") int maxItems) {
        Pages.checkMaxItems(maxItems, 10_000);
        var page = Pages.of(
                        aliases.list(name(functionName), functionVersion, marker, maxItems + 1),
                        maxItems,
                        AliasSnapshot::name)
                .map(AliasController::configuration);
        return new ListAliasesResponse(page.items(), page.nextMarker());
    }

    private static String name(String functionName) {
        return FunctionRef.parse(functionName).functionName();
    }

    private static AliasConfiguration configuration(AliasSnapshot alias) {
        return new AliasConfiguration(
                alias.aliasArn(),
                alias.name(),
                alias.functionVersion(),
                alias.description(),
                alias.additionalVersionWeights().isEmpty()
                        ? null
                        : new AliasRoutingConfiguration(alias.additionalVersionWeights()),
                alias.revisionId());
    }
}
