package dev.ignis.registry.function;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.arn.InvalidArnException;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.function.FunctionApi.CreateFunctionRequest;
import dev.ignis.registry.function.FunctionApi.UpdateFunctionCodeRequest;
import dev.ignis.registry.function.FunctionApi.UpdateFunctionConfigurationRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The function operations as the API names them: parses the FunctionName a caller may write as
 * an ARN, routes a qualifier to {@code $LATEST} or to {@link QualifiedFunctions}, and runs a
 * {@code Publish: true} in the same transaction as the change it publishes.
 */
@Service
class FunctionOperations {

    private static final String LATEST = FunctionViews.LATEST;
    private static final Pattern QUALIFIER = Pattern.compile("[a-zA-Z0-9$_-]{1,128}");

    private final FunctionService functions;
    private final QualifiedFunctions qualified;
    private final VersionPublisher publisher;
    private final PublishedVersions versions;
    private final ConcurrencyLookup concurrency;
    private final FunctionTags tags;
    private final FunctionViews views;

    FunctionOperations(
            FunctionService functions,
            QualifiedFunctions qualified,
            VersionPublisher publisher,
            PublishedVersions versions,
            ConcurrencyLookup concurrency,
            FunctionTags tags,
            FunctionViews views) {
        this.functions = functions;
        this.qualified = qualified;
        this.publisher = publisher;
        this.versions = versions;
        this.concurrency = concurrency;
        this.tags = tags;
        this.views = views;
    }

    /** With {@code Publish}, AWS answers with version 1 under the unqualified ARN. */
    @Transactional
    public StoredFunction create(CreateFunctionRequest request) {
        StoredFunction created = functions.create(request);
        tags.tagNew(created.functionName(), request.tags());
        if (!Boolean.TRUE.equals(request.publish())) {
            return created;
        }
        return publisher.publish(created.functionName(), null, null, null).withArn(created.arn());
    }

    @Transactional(readOnly = true)
    public StoredFunction get(String functionName, String qualifier) {
        FunctionRef ref = FunctionRef.parse(functionName, qualifier);
        if (ref.qualifier().isEmpty()) {
            return functions.latest(ref.functionName());
        }
        String q = checkedQualifier(ref.qualifier().get());
        String arn = views.qualifiedArn(ref.functionName(), q);
        return (q.equals(LATEST)
                        ? functions.findLatest(ref.functionName()).map(f -> f.withArn(arn))
                        : qualified.resolve(ref.functionName(), q))
                .orElseThrow(() -> LambdaApiException.functionNotFound(arn));
    }

    @Transactional(readOnly = true)
    public OptionalInt reservedConcurrency(String functionName) {
        return concurrency.reservedConcurrency(functionName);
    }

    /** GetFunction's {@code Tags}: the function's, whatever qualifier it was asked with. */
    @Transactional(readOnly = true)
    public Map<String, String> tags(String functionName) {
        return tags.tagsOf(functionName);
    }

    public List<StoredFunction> list(String marker, int limit) {
        return functions.list(marker, limit);
    }

    /**
     * ListFunctions with {@code FunctionVersion=ALL}: per function in name order, {@code $LATEST}
     * then its versions, each under its qualified ARN; {@code marker} is the last ARN shown.
     */
    @Transactional(readOnly = true)
    public List<StoredFunction> listAll(String marker, int limit) {
        List<StoredFunction> page = new ArrayList<>();
        String after = "";
        if (marker != null && !marker.isEmpty()) {
            FunctionRef last = parseMarker(marker);
            after = last.functionName();
            if (functions.findLatest(after).isPresent()) {
                page.addAll(versions.list(after, last.qualifier().orElseThrow(), limit));
            }
        }
        while (page.size() < limit) {
            List<StoredFunction> next = functions.list(after, limit - page.size());
            for (StoredFunction function : next) {
                if (page.size() < limit) {
                    page.addAll(versions.list(function.functionName(), null, limit - page.size()));
                }
            }
            if (next.isEmpty()) {
                break;
            }
            after = next.getLast().functionName();
        }
        return page.size() > limit ? List.copyOf(page.subList(0, limit)) : page;
    }

    private static FunctionRef parseMarker(String marker) {
        try {
            FunctionRef ref = FunctionRef.parse(marker);
            if (ref.qualifier().isPresent()) {
                return ref;
            }
        } catch (InvalidArnException e) {
            // answered below, as any other marker this registry did not hand out
        }
        throw LambdaApiException.invalidParameter("Invalid marker: " + marker);
    }

    @Transactional
    public void delete(String functionName, String qualifier) {
        FunctionRef ref = FunctionRef.parse(functionName, qualifier);
        if (ref.qualifier().isEmpty()) {
            functions.delete(ref.functionName());
            return;
        }
        String q = checkedQualifier(ref.qualifier().get());
        if (q.equals(LATEST)) {
            throw LambdaApiException.invalidParameter(
                    "$LATEST version cannot be deleted without deleting the function.");
        }
        qualified.deleteVersion(ref.functionName(), q);
    }

    /** With {@code Publish}, AWS answers with the new version under its qualified ARN. */
    @Transactional
    public StoredFunction updateCode(String functionName, UpdateFunctionCodeRequest request) {
        String name = FunctionRef.parse(functionName).functionName();
        StoredFunction updated = functions.updateCode(name, request);
        if (!request.publishes() || request.isDryRun()) {
            return updated;
        }
        return publisher.publish(name, null, null, null);
    }

    @Transactional
    public StoredFunction updateConfiguration(String functionName, UpdateFunctionConfigurationRequest request) {
        return functions.updateConfiguration(FunctionRef.parse(functionName).functionName(), request);
    }

    private static String checkedQualifier(String qualifier) {
        if (!QUALIFIER.matcher(qualifier).matches()) {
            throw LambdaApiException.validation(
                    qualifier, "qualifier", "Member must satisfy regular expression pattern: (|[a-zA-Z0-9$_-]+)");
        }
        return qualifier;
    }
}
