package dev.ignis.registry.version;

import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.function.FunctionDeleted;
import dev.ignis.registry.function.FunctionService;
import dev.ignis.registry.function.FunctionService.VersionDraft;
import dev.ignis.registry.function.FunctionViews;
import dev.ignis.registry.function.PublishedVersions;
import dev.ignis.registry.function.StoredFunction;
import dev.ignis.registry.function.VersionPublisher;
import dev.ignis.registry.outbox.ChangeLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Published versions: immutable copies of {@code $LATEST}, numbered from 1 and never renumbered.
 * Each publish records a FUNCTION_VERSION change keyed by the version's qualified ARN; a delete
 * records its tombstone.
 */
@Service
public class VersionService implements VersionPublisher, PublishedVersions {

    static final String LATEST = "$LATEST";

    private final VersionRepository versions;
    private final FunctionService functions;
    private final FunctionViews views;
    private final ChangeLog changes;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    VersionService(
            VersionRepository versions,
            FunctionService functions,
            FunctionViews views,
            ChangeLog changes,
            ApplicationEventPublisher events,
            Clock clock) {
        this.versions = versions;
        this.functions = functions;
        this.views = views;
        this.changes = changes;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Publishes {@code $LATEST} unless nothing changed since the last version was published (then
     * that version is the answer, as on AWS). The guards come first: RevisionId, then CodeSha256.
     */
    @Override
    @Transactional
    public StoredFunction publish(String functionName, String description, String codeSha256, String revisionId) {
        if (description != null && description.length() > 256) {
            throw LambdaApiException.validation(
                    description, "description", "Member must have length less than or equal to 256");
        }
        VersionDraft draft = functions.prepareVersion(functionName, codeSha256, revisionId);
        Optional<VersionEntity> last = draft.lastVersion() == 0
                ? Optional.empty()
                : versions.findByFunctionNameAndNumber(functionName, draft.lastVersion());
        if (last.isPresent() && last.get().contentRevision.equals(draft.contentRevision())) {
            return view(last.get());
        }
        VersionEntity version = new VersionEntity();
        version.functionName = functionName;
        version.number = functions.reserveVersion(functionName);
        version.settings = draft.settings().withDescription(description);
        version.contentRevision = draft.contentRevision();
        version.lastModified = clock.instant();
        version.revisionId = UUID.randomUUID().toString();
        versions.save(version);
        StoredFunction stored = view(version);
        changes.changed(ResourceType.FUNCTION_VERSION, stored.arn(), version.revisionId, stored.snapshot());
        return stored;
    }

    /** A published version; empty when it (or its function) does not exist or {@code version} is no number. */
    @Transactional(readOnly = true)
    public Optional<StoredFunction> find(String functionName, String version) {
        return number(version)
                .flatMap(n -> versions.findByFunctionNameAndNumber(functionName, n))
                .map(this::view);
    }

    /**
     * A page of ListVersionsByFunction: {@code $LATEST} (under its qualified ARN) first, then the
     * versions in number order. The marker is the last version shown.
     */
    @Override
    @Transactional(readOnly = true)
    public List<StoredFunction> list(String functionName, String marker, int limit) {
        StoredFunction latest = functions.latest(functionName);
        List<StoredFunction> page = new ArrayList<>();
        int after = 0;
        if (marker == null || marker.isEmpty()) {
            page.add(latest.withArn(views.qualifiedArn(functionName, LATEST)));
        } else if (!marker.equals(LATEST)) {
            after = number(marker).orElseThrow(() -> LambdaApiException.invalidParameter("Invalid marker: " + marker));
        }
        versions.findByFunctionNameAndNumberGreaterThanOrderByNumberAsc(
                        functionName, after, Limit.of(Math.max(limit - page.size(), 1)))
                .forEach(v -> page.add(view(v)));
        return page.size() > limit ? page.subList(0, limit) : page;
    }

    /** Deletes one version; the caller has checked that no alias points at it. */
    @Transactional
    public void delete(String functionName, String version) {
        VersionEntity entity = number(version)
                .flatMap(n -> versions.findByFunctionNameAndNumber(functionName, n))
                .orElseThrow(() -> LambdaApiException.functionNotFound(views.qualifiedArn(functionName, version)));
        versions.delete(entity);
        changes.deleted(ResourceType.FUNCTION_VERSION, views.qualifiedArn(functionName, version));
        events.publishEvent(new VersionDeleted(functionName, version));
    }

    /** Bytes the published packages take, for GetAccountSettings. */
    @Transactional(readOnly = true)
    public long totalCodeSize() {
        return versions.totalCodeSize();
    }

    @EventListener
    void onFunctionDeleted(FunctionDeleted deleted) {
        for (VersionEntity version : versions.findByFunctionName(deleted.functionName())) {
            versions.delete(version);
            changes.deleted(
                    ResourceType.FUNCTION_VERSION,
                    views.qualifiedArn(deleted.functionName(), Integer.toString(version.number)));
        }
    }

    private StoredFunction view(VersionEntity v) {
        return views.version(v.functionName, v.number, v.settings, v.lastModified, v.revisionId);
    }

    static Optional<Integer> number(String version) {
        if (version == null || !version.matches("[0-9]{1,9}")) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(version));
    }
}
