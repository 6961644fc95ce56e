package dev.ignis.registry.function;

import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.code.PackageIntake;
import dev.ignis.registry.config.RegistryProperties;
import dev.ignis.registry.function.FunctionApi.CreateFunctionRequest;
import dev.ignis.registry.function.FunctionApi.UpdateFunctionCodeRequest;
import dev.ignis.registry.function.FunctionApi.UpdateFunctionConfigurationRequest;
import dev.ignis.registry.outbox.ChangeLog;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A function's {@code $LATEST}: creates, changes, reads, lists and deletes it. Every change gets a
 * new RevisionId and LastModified and records a FUNCTION change in the same transaction. Versions
 * build on {@link #prepareVersion} and {@link #reserveVersion}; whatever else belongs to a function
 * hears of its deletion through {@link FunctionDeleted}.
 */
@Service
public class FunctionService {

    private final FunctionRepository functions;
    private final PackageIntake packages;
    private final FunctionViews views;
    private final ChangeLog changes;
    private final FunctionValidator validator;
    private final Architectures architectures;
    private final LayerResolver layers;
    private final CodeSigningCheck codeSigning;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long maxUnzippedBytes;

    FunctionService(
            FunctionRepository functions,
            PackageIntake packages,
            FunctionViews views,
            ChangeLog changes,
            RegistryProperties properties,
            LayerResolver layers,
            CodeSigningCheck codeSigning,
            ApplicationEventPublisher events,
            Clock clock) {
        this.functions = functions;
        this.packages = packages;
        this.views = views;
        this.changes = changes;
        this.validator = new FunctionValidator(properties.runtimes());
        this.architectures = new Architectures(properties.architectures(), properties.region());
        this.layers = layers;
        this.codeSigning = codeSigning;
        this.events = events;
        this.clock = clock;
        this.maxUnzippedBytes = properties.maxUnzippedCodeBytes();
    }

    /** Stores the package first (content-addressed, so an orphan from a failed commit is harmless). */
    @Transactional
    StoredFunction create(CreateFunctionRequest request) {
        validator.validateCreate(request);
        String architecture = architectures.choose(request.architectures());
        codeSigning.admitNew(request.functionName(), request.codeSigningConfigArn());
        PackageIntake.Package code = packages.store(request.code().zipFile());
        if (functions.existsById(request.functionName())) {
            throw LambdaApiException.conflict("Function already exist: " + request.functionName());
        }
        FunctionEntity entity = new FunctionEntity();
        entity.name = request.functionName();
        FunctionSettings s = entity.settings;
        s.runtime = request.runtime();
        s.handler = request.handler();
        s.role = request.role();
        s.architecture = architecture;
        s.description = Optional.ofNullable(request.description()).orElse("");
        s.memorySize = Optional.ofNullable(request.memorySize()).orElse(128);
        s.timeout = Optional.ofNullable(request.timeout()).orElse(3);
        s.ephemeralStorage =
                request.ephemeralStorage() == null || request.ephemeralStorage().size() == null
                        ? 512
                        : request.ephemeralStorage().size();
        s.environment = views.seal(
                request.environment() == null ? null : request.environment().variables());
        if (request.tracingConfig() != null && request.tracingConfig().mode() != null) {
            s.tracingMode = request.tracingConfig().mode();
        }
        s.deadLetterTarget = request.deadLetterConfig() == null
                ? null
                : blankToNull(request.deadLetterConfig().targetArn());
        setCode(s, code);
        s.layers = request.layers() == null ? List.of() : layers.resolve(request.layers());
        checkUnzippedTotal(s);
        return saveContentChange(entity);
    }

    @Transactional(readOnly = true)
    public Optional<StoredFunction> findLatest(String functionName) {
        return functions.findById(functionName).map(views::latest);
    }

    /** {@code $LATEST}, or the AWS not-found error naming the unqualified ARN. */
    @Transactional(readOnly = true)
    public StoredFunction latest(String functionName) {
        return views.latest(load(functionName));
    }

    @Transactional(readOnly = true)
    List<StoredFunction> list(String marker, int maxItems) {
        return functions.findByNameGreaterThanOrderByNameAsc(marker == null ? "" : marker, Limit.of(maxItems)).stream()
                .map(views::latest)
                .toList();
    }

    /** How many functions there are and how many bytes their {@code $LATEST} packages take. */
    @Transactional(readOnly = true)
    public Usage usage() {
        return new Usage(functions.count(), functions.totalCodeSize());
    }

    /** The account's functions as GetAccountSettings counts them. */
    public record Usage(long functionCount, long latestCodeSize) {}

    @Transactional
    void delete(String functionName) {
        FunctionEntity entity = load(functionName);
        String arn = views.unqualifiedArn(functionName);
        functions.delete(entity);
        changes.deleted(ResourceType.FUNCTION, arn);
        events.publishEvent(new FunctionDeleted(functionName, arn));
    }

    @Transactional
    StoredFunction updateCode(String functionName, UpdateFunctionCodeRequest request) {
        FunctionEntity entity = load(functionName);
        LambdaApiException.checkRevision(request.revisionId(), entity.revisionId);
        String architecture = request.architectures() == null
                ? entity.settings.architecture
                : architectures.choose(request.architectures());
        codeSigning.admitCode(functionName);
        if (request.isDryRun()) {
            PackageIntake.Package code = packages.inspectOnly(request.zipFile());
            FunctionEntity preview = entity.preview();
            setCode(preview.settings, code);
            preview.settings.architecture = architecture;
            checkUnzippedTotal(preview.settings);
            return views.latest(preview);
        }
        PackageIntake.Package code = packages.store(request.zipFile());
        setCode(entity.settings, code);
        entity.settings.architecture = architecture;
        checkUnzippedTotal(entity.settings);
        return saveContentChange(entity);
    }

    @Transactional
    StoredFunction updateConfiguration(String functionName, UpdateFunctionConfigurationRequest request) {
        validator.validateUpdate(request);
        FunctionEntity entity = load(functionName);
        LambdaApiException.checkRevision(request.revisionId(), entity.revisionId);
        FunctionSettings s = entity.settings;
        Optional.ofNullable(request.role()).ifPresent(v -> s.role = v);
        Optional.ofNullable(request.handler()).ifPresent(v -> s.handler = v);
        Optional.ofNullable(request.description()).ifPresent(v -> s.description = v);
        Optional.ofNullable(request.timeout()).ifPresent(v -> s.timeout = v);
        Optional.ofNullable(request.memorySize()).ifPresent(v -> s.memorySize = v);
        Optional.ofNullable(request.runtime()).ifPresent(v -> s.runtime = v);
        if (request.ephemeralStorage() != null && request.ephemeralStorage().size() != null) {
            s.ephemeralStorage = request.ephemeralStorage().size();
        }
        if (request.environment() != null) {
            s.environment = views.seal(request.environment().variables());
        }
        if (request.tracingConfig() != null && request.tracingConfig().mode() != null) {
            s.tracingMode = request.tracingConfig().mode();
        }
        if (request.deadLetterConfig() != null) {
            s.deadLetterTarget = blankToNull(request.deadLetterConfig().targetArn());
        }
        if (request.layers() != null) {
            if (!request.layers().isEmpty()) {
                codeSigning.admitCode(functionName);
            }
            s.layers = layers.resolve(request.layers());
            checkUnzippedTotal(s);
        }
        return saveContentChange(entity);
    }

    /**
     * What PublishVersion would freeze, after its guards: the RevisionId (412 on mismatch) and
     * the CodeSha256 (400 on mismatch) of {@code $LATEST}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public VersionDraft prepareVersion(String functionName, String expectedCodeSha256, String expectedRevisionId) {
        FunctionEntity entity = load(functionName);
        LambdaApiException.checkRevision(expectedRevisionId, entity.revisionId);
        StoredFunction latest = views.latest(entity);
        String current = latest.snapshot().codeSha256();
        if (expectedCodeSha256 != null && !expectedCodeSha256.isEmpty() && !expectedCodeSha256.equals(current)) {
            throw LambdaApiException.invalidParameter("CodeSHA256 (" + expectedCodeSha256
                    + ") is different from current CodeSHA256 in $LATEST (" + current
                    + "). Please try again with the CodeSHA256 in $LATEST.");
        }
        return new VersionDraft(latest, entity.settings.copy(), entity.contentRevision, entity.lastVersion);
    }

    /**
     * Takes the next version number. Publishing changes {@code $LATEST}'s RevisionId (as on AWS),
     * so this records a FUNCTION change too.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int reserveVersion(String functionName) {
        FunctionEntity entity = load(functionName);
        entity.lastVersion++;
        saveRevision(entity);
        return entity.lastVersion;
    }

    /**
     * {@code $LATEST} as PublishVersion found it.
     *
     * @param settings a detached copy of its settings, for the version to keep
     * @param contentRevision changes only with code or configuration
     * @param lastVersion the highest number published so far (0 for none)
     */
    public record VersionDraft(
            StoredFunction latest, FunctionSettings settings, String contentRevision, int lastVersion) {}

    private FunctionEntity load(String functionName) {
        return functions
                .findById(functionName)
                .orElseThrow(() -> LambdaApiException.functionNotFound(views.unqualifiedArn(functionName)));
    }

    private StoredFunction saveContentChange(FunctionEntity entity) {
        entity.lastModified = clock.instant();
        entity.contentRevision = UUID.randomUUID().toString();
        return saveRevision(entity);
    }

    private StoredFunction saveRevision(FunctionEntity entity) {
        entity.revisionId = UUID.randomUUID().toString();
        functions.save(entity);
        StoredFunction stored = views.latest(entity);
        changes.changed(ResourceType.FUNCTION, stored.arn(), entity.revisionId, stored.snapshot());
        return stored;
    }

    private static void setCode(FunctionSettings s, PackageIntake.Package code) {
        s.codeSha256Hex = code.sha256Hex();
        s.codeSize = code.size();
        s.unzippedCodeSize = code.unzippedSize();
    }

    /** AWS's limit on what {@code /var/task} and {@code /opt} hold together. */
    private void checkUnzippedTotal(FunctionSettings s) {
        if (s.layers.isEmpty()) {
            return; // the package alone was checked against the same limit when it arrived
        }
        long total = s.unzippedCodeSize != null ? s.unzippedCodeSize : packages.unzippedSizeOf(s.codeSha256Hex);
        for (AttachedLayer layer : s.layers) {
            total += layer.unzippedSize();
        }
        if (total > maxUnzippedBytes) {
            throw LambdaApiException.invalidParameter("Function code combined with layers exceeds the maximum allowed"
                    + " size of " + maxUnzippedBytes + " bytes. The actual size is " + total + " bytes.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
