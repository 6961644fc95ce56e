package dev.ignis.registry.function;

import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.api.Pages;
import dev.ignis.registry.function.FunctionApi.CodeLocation;
import dev.ignis.registry.function.FunctionApi.Concurrency;
import dev.ignis.registry.function.FunctionApi.CreateFunctionRequest;
import dev.ignis.registry.function.FunctionApi.FunctionConfiguration;
import dev.ignis.registry.function.FunctionApi.GetFunctionResponse;
import dev.ignis.registry.function.FunctionApi.ListFunctionsResponse;
import dev.ignis.registry.function.FunctionApi.UpdateFunctionCodeRequest;
import dev.ignis.registry.function.FunctionApi.UpdateFunctionConfigurationRequest;
import dev.ignis.registry.internal.CodeLocations;
import dev.ignis.registry.serving.ServingStatus;
import dev.ignis.registry.serving.ServingStatus.Stage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import java.util.OptionalInt;
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

/** The function operations of the Lambda API (2015-03-31), on AWS's paths. */
@RestController
@RequestMapping("/2015-03-31/functions")
@Tag(name = "Functions")
class FunctionController {

    private final FunctionOperations functions;
    private final FunctionViews views;
    private final CodeLocations codeLocations;

    private final ServingStatus serving;

    FunctionController(
            FunctionOperations functions, FunctionViews views, CodeLocations codeLocations, ServingStatus serving) {
        this.functions = functions;
        this.serving = serving;
        this.views = views;
        this.codeLocations = codeLocations;
    }

    @Operation(summary = "CreateFunction")
    @PostMapping({"", "/"})
    ResponseEntity<FunctionConfiguration> create(@RequestBody CreateFunctionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(views.configuration(functions.create(request), Stage.PENDING));
    }

    @Operation(summary = "ListFunctions")
    @GetMapping({"", "/"})
    ListFunctionsResponse list(
            @RequestParam(name = "FunctionVersion", required = false) String functionVersion,
            @RequestParam(name = "Marker", required = false) String marker,
            @RequestParam(name = "MaxItems", required = false, defaultValue = "50") int maxItems) {
        Pages.checkMaxItems(maxItems, 10_000);
        if (functionVersion != null && !functionVersion.equals("ALL")) {
            throw LambdaApiException.validation(
                    functionVersion, "functionVersion", "Member must satisfy enum value set: [ALL]");
        }
        var page = functionVersion == null
                ? Pages.of(functions.list(marker, maxItems + 1), maxItems, StoredFunction::functionName)
                : Pages.of(functions.listAll(marker, maxItems + 1), maxItems, StoredFunction::arn);
        var shown = page.map(views::configuration);
        return new ListFunctionsResponse(shown.items(), shown.nextMarker());
    }

    @Operation(summary = "GetFunction")
    @GetMapping("/{functionName}")
    GetFunctionResponse get(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        StoredFunction function = functions.get(functionName, qualifier);
        String location = codeLocations.of(function.codeSha256Hex());
        OptionalInt reserved = functions.reservedConcurrency(function.functionName());
        Map<String, String> tags = functions.tags(function.functionName());
        return new GetFunctionResponse(
                views.configuration(function, serving.stage(function.arn())),
                new CodeLocation("S3", location),
                reserved.isPresent() ? new Concurrency(reserved.getAsInt()) : null,
                tags.isEmpty() ? null : tags);
    }

    @Operation(summary = "GetFunctionConfiguration")
    @GetMapping("/{functionName}/configuration")
    FunctionConfiguration getConfiguration(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        StoredFunction function = functions.get(functionName, qualifier);
        return views.configuration(function, serving.stage(function.arn()));
    }

    @Operation(summary = "UpdateFunctionCode")
    @PutMapping("/{functionName}/code")
    FunctionConfiguration updateCode(
            @PathVariable String functionName, @RequestBody UpdateFunctionCodeRequest request) {
        return views.configuration(functions.updateCode(functionName, request), Stage.UPDATING);
    }

    @Operation(summary = "UpdateFunctionConfiguration")
    @PutMapping("/{functionName}/configuration")
    FunctionConfiguration updateConfiguration(
            @PathVariable String functionName, @RequestBody UpdateFunctionConfigurationRequest request) {
        return views.configuration(functions.updateConfiguration(functionName, request), Stage.UPDATING);
    }

    @Operation(summary = "DeleteFunction")
    @DeleteMapping("/{functionName}")
    ResponseEntity<Void> delete(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        functions.delete(functionName, qualifier);
        return ResponseEntity.noContent().build();
    }
}
