package dev.ignis.registry.function;

import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.config.RegistryProperties;
import dev.ignis.registry.function.FunctionApi.CodeLocation;
import dev.ignis.registry.function.FunctionApi.CreateFunctionRequest;
import dev.ignis.registry.function.FunctionApi.FunctionConfiguration;
import dev.ignis.registry.function.FunctionApi.GetFunctionResponse;
import dev.ignis.registry.function.FunctionApi.ListFunctionsResponse;
import dev.ignis.registry.function.FunctionService.StoredFunction;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
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

/** The function operations of the Lambda API (2015-03-31), on AWS's paths. */
@RestController
@RequestMapping("/2015-03-31/functions")
@Tag(name = "Functions")
class FunctionController {

    /** AWS's LastModified: milliseconds and a numeric offset without a colon. */
    static final DateTimeFormatter LAST_MODIFIED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private final FunctionService functions;
    private final RegistryProperties properties;

    FunctionController(FunctionService functions, RegistryProperties properties) {
        this.functions = functions;
        this.properties = properties;
    }

    @Operation(summary = "CreateFunction")
    @PostMapping({"", "/"})
    ResponseEntity<FunctionConfiguration> create(@RequestBody CreateFunctionRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(configuration(functions.create(request)));
    }

    @Operation(summary = "ListFunctions")
    @GetMapping({"", "/"})
    ListFunctionsResponse list(
            @RequestParam(name = "Marker", required = false) String marker,
            @RequestParam(name = "MaxItems", required = false, defaultValue = "50") int maxItems) {
        if (maxItems < 1 || maxItems > 10_000) {
            throw LambdaApiException.validation(
                    maxItems,
                    "maxItems",
                    maxItems < 1
                            ? "Member must have value greater than or equal to 1"
                            : "Member must have value less than or equal to 10000");
        }
        List<StoredFunction> page = functions.list(marker, maxItems + 1);
        boolean more = page.size() > maxItems;
        List<StoredFunction> shown = more ? page.subList(0, maxItems) : page;
        return new ListFunctionsResponse(
                shown.stream().map(this::configuration).toList(),
                more ? shown.getLast().snapshot().functionName() : null);
    }

    @Operation(summary = "GetFunction")
    @GetMapping("/{functionName}")
    GetFunctionResponse get(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        StoredFunction function = functions.get(functionName, qualifier);
        String location = properties
                .gatewayUrl()
                .resolve("/ignis/v1/code/" + function.codeSha256Hex())
                .toString();
        return new GetFunctionResponse(configuration(function), new CodeLocation("S3", location), null);
    }

    @Operation(summary = "GetFunctionConfiguration")
    @GetMapping("/{functionName}/configuration")
    FunctionConfiguration getConfiguration(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        return configuration(functions.get(functionName, qualifier));
    }

    @Operation(summary = "DeleteFunction")
    @DeleteMapping("/{functionName}")
    ResponseEntity<Void> delete(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        functions.delete(functionName, qualifier);
        return ResponseEntity.noContent().build();
    }

    private FunctionConfiguration configuration(StoredFunction function) {
        var s = function.snapshot();
        var variables = functions.environmentOf(function);
        return new FunctionConfiguration(
                s.functionName(),
                s.functionArn(),
                s.runtime(),
                s.role(),
                s.handler(),
                s.codeSize(),
                s.description(),
                s.timeoutSeconds(),
                s.memorySizeMb(),
                LAST_MODIFIED.format(s.lastModified()),
                s.codeSha256(),
                s.version(),
                variables == null ? null : new FunctionApi.Environment(variables),
                new FunctionApi.TracingConfig("PassThrough"),
                s.revisionId(),
                s.state(),
                "Successful",
                s.packageType(),
                s.architectures(),
                new FunctionApi.EphemeralStorage(s.ephemeralStorageMb()),
                new FunctionApi.SnapStart("None", "Off"),
                new FunctionApi.LoggingConfig("Text", "/aws/lambda/" + s.functionName()));
    }
}
