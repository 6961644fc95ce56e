package dev.ignis.registry.function;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.arn.LambdaArns;
import dev.ignis.contracts.registry.FunctionSnapshot;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.code.CodeStore;
import dev.ignis.registry.code.LocalDirectoryCodeStore.Sha256;
import dev.ignis.registry.code.ZipInspector;
import dev.ignis.registry.config.RegistryProperties;
import dev.ignis.registry.crypto.EnvironmentCipher;
import dev.ignis.registry.function.FunctionApi.CreateFunctionRequest;
import dev.ignis.registry.outbox.ChangeLog;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Creates, reads, lists and deletes functions; every write records its change in the same transaction. */
@Service
class FunctionService {

    static final String LATEST = "$LATEST";

    private final FunctionRepository functions;
    private final CodeStore code;
    private final ZipInspector zips;
    private final EnvironmentCipher cipher;
    private final ChangeLog changes;
    private final RegistryProperties properties;
    private final FunctionValidator validator;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    FunctionService(
            FunctionRepository functions,
            CodeStore code,
            ZipInspector zips,
            EnvironmentCipher cipher,
            ChangeLog changes,
            RegistryProperties properties,
            Clock clock) {
        this.functions = functions;
        this.code = code;
        this.zips = zips;
        this.cipher = cipher;
        this.changes = changes;
        this.properties = properties;
        this.validator = new FunctionValidator(properties.runtimes());
        this.clock = clock;
    }

    /**
     * Stores the package first (content-addressed, so an orphan from a failed commit is harmless),
     * then the function and its change event in one transaction.
     */
    @Transactional
    public StoredFunction create(CreateFunctionRequest request) {
        validator.validateCreate(request);
        byte[] zip = decodeZip(request.code().zipFile());
        try {
            zips.inspect(zip);
        } catch (ZipInspector.RejectedZipException e) {
            throw LambdaApiException.invalidParameter(e.getMessage());
        }
        if (functions.existsById(request.functionName())) {
            throw new LambdaApiException(
                    dev.ignis.contracts.error.LambdaErrorType.RESOURCE_CONFLICT,
                    "Function already exist: " + request.functionName());
        }
        FunctionEntity entity = new FunctionEntity();
        entity.name = request.functionName();
        entity.runtime = request.runtime();
        entity.handler = request.handler();
        entity.role = request.role();
        entity.description = Optional.ofNullable(request.description()).orElse("");
        entity.memorySize = Optional.ofNullable(request.memorySize()).orElse(128);
        entity.timeout = Optional.ofNullable(request.timeout()).orElse(3);
        entity.ephemeralStorage =
                request.ephemeralStorage() == null || request.ephemeralStorage().size() == null
                        ? 512
                        : request.ephemeralStorage().size();
        entity.environment = sealEnvironment(request.environment());
        entity.codeSha256Hex = code.put(zip);
        entity.codeSize = zip.length;
        entity.lastModified = clock.instant();
        entity.revisionId = UUID.randomUUID().toString();
        functions.save(entity);
        StoredFunction stored = view(entity);
        changes.changed(ResourceType.FUNCTION, stored.arn(), entity.revisionId, stored.snapshot());
        return stored;
    }

    @Transactional(readOnly = true)
    public StoredFunction get(String functionName, String qualifier) {
        FunctionRef ref = FunctionRef.parse(functionName, qualifier);
        String arn = ref.toArn(properties.region(), properties.accountId());
        if (ref.qualifier().isPresent() && !ref.qualifier().get().equals(LATEST)) {
            // Versions and aliases arrive with the rest of the control plane.
            throw LambdaApiException.functionNotFound(arn);
        }
        return functions
                .findById(ref.functionName())
                .map(this::view)
                .orElseThrow(() -> LambdaApiException.functionNotFound(arn));
    }

    @Transactional(readOnly = true)
    public List<StoredFunction> list(String marker, int maxItems) {
        return functions.findByNameGreaterThanOrderByNameAsc(marker == null ? "" : marker, Limit.of(maxItems)).stream()
                .map(this::view)
                .toList();
    }

    @Transactional
    public void delete(String functionName, String qualifier) {
        FunctionRef ref = FunctionRef.parse(functionName, qualifier);
        String arn = ref.toArn(properties.region(), properties.accountId());
        if (ref.qualifier().isPresent()) {
            throw LambdaApiException.functionNotFound(arn);
        }
        FunctionEntity entity =
                functions.findById(ref.functionName()).orElseThrow(() -> LambdaApiException.functionNotFound(arn));
        functions.delete(entity);
        changes.deleted(ResourceType.FUNCTION, arn);
    }

    /** The environment in clear, for the API's answers (AWS returns it to the account's callers). */
    Map<String, String> environmentOf(StoredFunction function) {
        if (function.snapshot().encryptedEnvironment() == null) {
            return null;
        }
        return json.readValue(cipher.open(function.snapshot().encryptedEnvironment()), new TypeReference<>() {});
    }

    private String sealEnvironment(FunctionApi.Environment environment) {
        if (environment == null
                || environment.variables() == null
                || environment.variables().isEmpty()) {
            return null;
        }
        return cipher.seal(json.writeValueAsString(environment.variables()));
    }

    private static byte[] decodeZip(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw LambdaApiException.invalidParameter(
                    "Could not unzip uploaded file. Please check your file, then try to upload again.");
        }
    }

    private StoredFunction view(FunctionEntity e) {
        String arn = LambdaArns.function(properties.region(), properties.accountId(), e.name);
        FunctionSnapshot snapshot = new FunctionSnapshot(
                e.name,
                arn,
                LATEST,
                e.runtime,
                e.handler,
                e.memorySize,
                e.timeout,
                e.ephemeralStorage,
                Sha256.base64OfHex(e.codeSha256Hex),
                e.codeSize,
                List.of(),
                e.environment,
                e.role,
                e.description,
                "Zip",
                List.of("x86_64"),
                "Active",
                e.lastModified,
                e.revisionId);
        return new StoredFunction(arn, e.codeSha256Hex, snapshot);
    }

    /** A function as the API layer needs it: its snapshot and where its code is. */
    record StoredFunction(String arn, String codeSha256Hex, FunctionSnapshot snapshot) {}
}
