package dev.ignis.registry.eventinvoke;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.registry.EventInvokeConfigSnapshot;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.registry.alias.AliasDeleted;
import dev.ignis.registry.alias.AliasService;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.api.Pages;
import dev.ignis.registry.eventinvoke.EventInvokeApi.EventInvokeConfigRequest;
import dev.ignis.registry.function.FunctionDeleted;
import dev.ignis.registry.function.FunctionService;
import dev.ignis.registry.function.FunctionViews;
import dev.ignis.registry.outbox.ChangeLog;
import dev.ignis.registry.version.VersionDeleted;
import dev.ignis.registry.version.VersionService;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Asynchronous invocation settings of {@code $LATEST} (also reached without a qualifier), a version
 * or an alias. Every change records an EVENT_INVOKE_CONFIG change keyed by the unqualified ARN for
 * {@code $LATEST} and the qualified ARN otherwise; a delete, and the deletion of the function,
 * version or alias, records its tombstone.
 */
@Service
class EventInvokeConfigService {

    static final String LATEST = "$LATEST";
    private static final Pattern QUALIFIER = Pattern.compile("[a-zA-Z0-9$_-]{1,128}");
    private static final Pattern VERSION = Pattern.compile("[0-9]+");
    private static final String NO_FUNCTION = "The function doesn't exist.";

    private final EventInvokeConfigRepository configs;
    private final FunctionService functions;
    private final VersionService versions;
    private final AliasService aliases;
    private final FunctionViews views;
    private final ChangeLog changes;
    private final Clock clock;

    EventInvokeConfigService(
            EventInvokeConfigRepository configs,
            FunctionService functions,
            VersionService versions,
            AliasService aliases,
            FunctionViews views,
            ChangeLog changes,
            Clock clock) {
        this.configs = configs;
        this.functions = functions;
        this.versions = versions;
        this.aliases = aliases;
        this.views = views;
        this.changes = changes;
        this.clock = clock;
    }

    /** What the settings apply to; {@code qualifier} is {@code $LATEST} when none was given. */
    private record Target(String functionName, String qualifier, boolean qualified) {}

    /** Replaces the whole configuration (a member left out goes back to AWS's default). */
    @Transactional
    EventInvokeConfigSnapshot put(String functionName, String qualifier, EventInvokeConfigRequest request) {
        Target target = target(functionName, qualifier);
        EventInvokeRules.checkRequest(request);
        requireExisting(target);
        EventInvokeRules.checkDestinations(request.destinationConfig(), target.functionName(), this::functionExists);
        EventInvokeConfigEntity config = find(target).orElseGet(() -> newConfig(target));
        config.maximumRetryAttempts = request.maximumRetryAttempts();
        config.maximumEventAgeInSeconds = request.maximumEventAgeInSeconds();
        setDestinations(config, request);
        return save(config);
    }

    /** Changes only what the request carries; a DestinationConfig replaces both destinations. */
    @Transactional
    EventInvokeConfigSnapshot update(String functionName, String qualifier, EventInvokeConfigRequest request) {
        Target target = target(functionName, qualifier);
        EventInvokeRules.checkRequest(request);
        requireExisting(target);
        EventInvokeConfigEntity config = find(target).orElseThrow(() -> noConfig(qualifiedArn(target)));
        EventInvokeRules.checkDestinations(request.destinationConfig(), target.functionName(), this::functionExists);
        Optional.ofNullable(request.maximumRetryAttempts()).ifPresent(v -> config.maximumRetryAttempts = v);
        Optional.ofNullable(request.maximumEventAgeInSeconds()).ifPresent(v -> config.maximumEventAgeInSeconds = v);
        if (request.destinationConfig() != null) {
            setDestinations(config, request);
        }
        return save(config);
    }

    @Transactional(readOnly = true)
    EventInvokeConfigSnapshot get(String functionName, String qualifier) {
        Target target = target(functionName, qualifier);
        return find(target).map(this::snapshot).orElseThrow(() -> noConfig(qualifiedArn(target)));
    }

    /** The not-found message names the ARN as the caller gave it: unqualified when no qualifier was. */
    @Transactional
    void delete(String functionName, String qualifier) {
        Target target = target(functionName, qualifier);
        EventInvokeConfigEntity config =
                find(target).orElseThrow(() -> noConfig(target.qualified() ? qualifiedArn(target) : keyArn(target)));
        remove(config);
    }

    @Transactional(readOnly = true)
    List<EventInvokeConfigSnapshot> list(String functionName, String marker, int limit) {
        String name = FunctionRef.parse(functionName).functionName();
        if (!functionExists(name)) {
            throw notFound(NO_FUNCTION);
        }
        return Pages.after(configs.findByFunctionNameOrderByQualifierAsc(name), marker, c -> c.qualifier)
                .limit(limit)
                .map(this::snapshot)
                .toList();
    }

    @EventListener
    void onFunctionDeleted(FunctionDeleted deleted) {
        configs.findByFunctionNameOrderByQualifierAsc(deleted.functionName()).forEach(this::remove);
    }

    @EventListener
    void onVersionDeleted(VersionDeleted deleted) {
        configs.findByFunctionNameAndQualifier(deleted.functionName(), deleted.version())
                .ifPresent(this::remove);
    }

    @EventListener
    void onAliasDeleted(AliasDeleted deleted) {
        configs.findByFunctionNameAndQualifier(deleted.functionName(), deleted.alias())
                .ifPresent(this::remove);
    }

    private Target target(String functionName, String qualifier) {
        FunctionRef ref = FunctionRef.parse(functionName, qualifier);
        Optional<String> q = ref.qualifier();
        if (q.isPresent() && !QUALIFIER.matcher(q.get()).matches()) {
            throw LambdaApiException.validation(
                    q.get(), "qualifier", "Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)");
        }
        return new Target(ref.functionName(), q.orElse(LATEST), q.isPresent());
    }

    private void requireExisting(Target target) {
        String name = target.functionName();
        String q = target.qualifier();
        boolean exists = functionExists(name)
                && (q.equals(LATEST)
                        || (VERSION.matcher(q).matches()
                                ? versions.find(name, q).isPresent()
                                : aliases.find(name, q).isPresent()));
        if (!exists) {
            throw notFound(NO_FUNCTION);
        }
    }

    private boolean functionExists(String functionName) {
        return functions.findLatest(functionName).isPresent();
    }

    private Optional<EventInvokeConfigEntity> find(Target target) {
        return configs.findByFunctionNameAndQualifier(target.functionName(), target.qualifier());
    }

    private static EventInvokeConfigEntity newConfig(Target target) {
        EventInvokeConfigEntity config = new EventInvokeConfigEntity();
        config.functionName = target.functionName();
        config.qualifier = target.qualifier();
        return config;
    }

    private static void setDestinations(EventInvokeConfigEntity config, EventInvokeConfigRequest request) {
        var destinations = request.destinationConfig();
        config.onSuccess = destinations == null
                ? null
                : EventInvokeRules.blankToNull(EventInvokeRules.destinationOf(destinations.onSuccess()));
        config.onFailure = destinations == null
                ? null
                : EventInvokeRules.blankToNull(EventInvokeRules.destinationOf(destinations.onFailure()));
    }

    private EventInvokeConfigSnapshot save(EventInvokeConfigEntity config) {
        config.lastModified = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        configs.save(config);
        EventInvokeConfigSnapshot snapshot = snapshot(config);
        changes.changed(ResourceType.EVENT_INVOKE_CONFIG, snapshot.functionArn(), null, snapshot);
        return snapshot;
    }

    private void remove(EventInvokeConfigEntity config) {
        configs.delete(config);
        changes.deleted(
                ResourceType.EVENT_INVOKE_CONFIG, keyArn(new Target(config.functionName, config.qualifier, true)));
    }

    private EventInvokeConfigSnapshot snapshot(EventInvokeConfigEntity c) {
        return new EventInvokeConfigSnapshot(
                keyArn(new Target(c.functionName, c.qualifier, true)),
                c.qualifier,
                c.maximumRetryAttempts,
                c.maximumEventAgeInSeconds,
                c.onSuccess,
                c.onFailure,
                c.lastModified);
    }

    /** The ARN the change is keyed by: unqualified for {@code $LATEST}. */
    private String keyArn(Target target) {
        return target.qualifier().equals(LATEST)
                ? views.unqualifiedArn(target.functionName())
                : views.qualifiedArn(target.functionName(), target.qualifier());
    }

    /** The ARN the API shows: always qualified, {@code :$LATEST} included. */
    private String qualifiedArn(Target target) {
        return views.qualifiedArn(target.functionName(), target.qualifier());
    }

    private static LambdaApiException noConfig(String arn) {
        return notFound("The function " + arn + " doesn't have an EventInvokeConfig");
    }

    private static LambdaApiException notFound(String message) {
        return new LambdaApiException(LambdaErrorType.RESOURCE_NOT_FOUND, message);
    }
}
