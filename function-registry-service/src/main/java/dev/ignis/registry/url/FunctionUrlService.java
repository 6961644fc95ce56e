package dev.ignis.registry.url;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.registry.alias.AliasDeleted;
import dev.ignis.registry.alias.AliasService;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.api.Pages;
import dev.ignis.registry.config.RegistryProperties;
import dev.ignis.registry.function.FunctionDeleted;
import dev.ignis.registry.function.FunctionService;
import dev.ignis.registry.function.FunctionViews;
import dev.ignis.registry.outbox.ChangeLog;
import dev.ignis.registry.outbox.WireJson;
import dev.ignis.registry.url.FunctionUrlApi.Cors;
import dev.ignis.registry.url.FunctionUrlApi.CreateFunctionUrlConfigRequest;
import dev.ignis.registry.url.FunctionUrlApi.UpdateFunctionUrlConfigRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Function URLs of a function or of its aliases. Every change records a FUNCTION_URL_CONFIG change
 * keyed by the ARN the URL invokes (the gateway indexes them by url id); a delete, and the
 * deletion of the function or the alias, records its tombstone. Errors use AWS's messages, which
 * differ from one operation to the next.
 */
@Service
class FunctionUrlService {

    private static final String NO_FUNCTION = "Function does not exist";
    private static final String NO_RESOURCE = "The resource you requested does not exist.";

    private final FunctionUrlRepository urls;
    private final FunctionService functions;
    private final AliasService aliases;
    private final FunctionViews views;
    private final ChangeLog changes;
    private final JsonMapper json;
    private final RegistryProperties properties;
    private final Clock clock;

    FunctionUrlService(
            FunctionUrlRepository urls,
            FunctionService functions,
            AliasService aliases,
            FunctionViews views,
            ChangeLog changes,
            WireJson wireJson,
            RegistryProperties properties,
            Clock clock) {
        this.urls = urls;
        this.functions = functions;
        this.aliases = aliases;
        this.views = views;
        this.changes = changes;
        this.json = wireJson.mapper();
        this.properties = properties;
        this.clock = clock;
    }

    /** The function, or one of its aliases, a URL belongs to. */
    private record Target(String functionName, String alias) {

        String storedQualifier() {
            return alias == null ? UrlRules.LATEST : alias;
        }
    }

    @Transactional
    StoredUrl create(String functionName, String qualifier, CreateFunctionUrlConfigRequest request) {
        Target target = target(functionName, qualifier);
        UrlRules.checkAuthType(request.authType(), true);
        UrlRules.checkInvokeMode(request.invokeMode());
        UrlRules.checkCors(request.cors());
        requireExisting(target, NO_FUNCTION);
        if (find(target).isPresent()) {
            throw LambdaApiException.conflict("Failed to create function url config for [functionArn = " + arn(target)
                    + "]. Error message:  FunctionUrlConfig exists for this Lambda function");
        }
        FunctionUrlEntity url = new FunctionUrlEntity();
        url.functionName = target.functionName();
        url.qualifier = target.storedQualifier();
        url.urlId = UrlIds.next();
        url.authType = request.authType();
        url.invokeMode = request.invokeMode() == null ? "BUFFERED" : request.invokeMode();
        url.cors = request.cors() == null ? null : json.writeValueAsString(request.cors());
        url.creationTime = now();
        return save(url);
    }

    @Transactional(readOnly = true)
    StoredUrl get(String functionName, String qualifier) {
        Target target = target(functionName, qualifier);
        if (functions.findLatest(target.functionName()).isEmpty()) {
            throw notFound(NO_RESOURCE);
        }
        return find(target).map(this::view).orElseThrow(() -> notFound(NO_RESOURCE));
    }

    @Transactional
    StoredUrl update(String functionName, String qualifier, UpdateFunctionUrlConfigRequest request) {
        Target target = target(functionName, qualifier);
        UrlRules.checkAuthType(request.authType(), false);
        UrlRules.checkInvokeMode(request.invokeMode());
        UrlRules.checkCors(request.cors());
        requireExisting(target, NO_FUNCTION);
        FunctionUrlEntity url = find(target).orElseThrow(() -> notFound(NO_RESOURCE));
        Optional.ofNullable(request.authType()).ifPresent(v -> url.authType = v);
        Optional.ofNullable(request.invokeMode()).ifPresent(v -> url.invokeMode = v);
        if (request.cors() != null) {
            url.cors = json.writeValueAsString(request.cors());
        }
        return save(url);
    }

    @Transactional
    void delete(String functionName, String qualifier) {
        Target target = target(functionName, qualifier);
        if (functions.findLatest(target.functionName()).isEmpty()) {
            throw notFound(NO_RESOURCE);
        }
        remove(find(target).orElseThrow(() -> notFound(NO_RESOURCE)));
    }

    /** The function's URLs, the unqualified one first, then by alias; paged by function ARN. */
    @Transactional(readOnly = true)
    List<StoredUrl> list(String functionName, String marker, int limit) {
        String name = FunctionRef.parse(functionName).functionName();
        if (functions.findLatest(name).isEmpty()) {
            throw notFound(NO_FUNCTION);
        }
        List<StoredUrl> sorted = urls.findByFunctionNameOrderByQualifierAsc(name).stream()
                .map(this::view)
                .sorted(Comparator.comparing(StoredUrl::functionArn))
                .toList();
        return Pages.after(sorted, marker, StoredUrl::functionArn).limit(limit).toList();
    }

    @EventListener
    void onFunctionDeleted(FunctionDeleted deleted) {
        urls.findByFunctionNameOrderByQualifierAsc(deleted.functionName()).forEach(this::remove);
    }

    @EventListener
    void onAliasDeleted(AliasDeleted deleted) {
        urls.findByFunctionNameAndQualifier(deleted.functionName(), deleted.alias())
                .ifPresent(this::remove);
    }

    private Target target(String functionName, String qualifier) {
        FunctionRef ref = FunctionRef.parse(functionName, qualifier);
        String alias = ref.qualifier().orElse(null);
        UrlRules.checkQualifier(alias);
        return new Target(ref.functionName(), alias);
    }

    private void requireExisting(Target target, String message) {
        boolean exists = functions.findLatest(target.functionName()).isPresent()
                && (target.alias() == null
                        || aliases.find(target.functionName(), target.alias()).isPresent());
        if (!exists) {
            throw notFound(message);
        }
    }

    private Optional<FunctionUrlEntity> find(Target target) {
        return urls.findByFunctionNameAndQualifier(target.functionName(), target.storedQualifier());
    }

    private StoredUrl save(FunctionUrlEntity url) {
        url.lastModified = now();
        urls.save(url);
        StoredUrl stored = view(url);
        changes.changed(ResourceType.FUNCTION_URL_CONFIG, stored.functionArn(), null, stored.snapshot());
        return stored;
    }

    private void remove(FunctionUrlEntity url) {
        urls.delete(url);
        changes.deleted(ResourceType.FUNCTION_URL_CONFIG, view(url).functionArn());
    }

    private StoredUrl view(FunctionUrlEntity url) {
        String alias = url.qualifier.equals(UrlRules.LATEST) ? null : url.qualifier;
        return new StoredUrl(
                arn(new Target(url.functionName, alias)),
                alias,
                url.urlId,
                FunctionUrlAddress.of(properties.functionUrls(), properties.region(), url.urlId),
                url.authType,
                url.cors == null ? null : json.readValue(url.cors, Cors.class),
                url.invokeMode,
                url.creationTime,
                url.lastModified);
    }

    private String arn(Target target) {
        return target.alias() == null
                ? views.unqualifiedArn(target.functionName())
                : views.qualifiedArn(target.functionName(), target.alias());
    }

    /** Microseconds: what the database keeps, so a read shows what the write answered. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static LambdaApiException notFound(String message) {
        return new LambdaApiException(LambdaErrorType.RESOURCE_NOT_FOUND, message);
    }
}
