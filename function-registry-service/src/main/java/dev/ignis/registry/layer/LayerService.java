package dev.ignis.registry.layer;

import dev.ignis.contracts.arn.LambdaArns;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.registry.LayerVersionSnapshot;
import dev.ignis.contracts.registry.ResourceType;
import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.code.PackageIntake;
import dev.ignis.registry.code.Sha256;
import dev.ignis.registry.config.RegistryProperties;
import dev.ignis.registry.function.AttachedLayer;
import dev.ignis.registry.function.LayerResolver;
import dev.ignis.registry.internal.CodeLocations;
import dev.ignis.registry.layer.LayerApi.PublishLayerVersionRequest;
import dev.ignis.registry.layer.LayerRules.LayerId;
import dev.ignis.registry.layer.LayerRules.VersionId;
import dev.ignis.registry.outbox.ChangeLog;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Layer versions: published from a ZIP (checked and stored like function code), numbered from 1 per
 * layer and never renumbered, read, listed and deleted. Each publish records a LAYER_VERSION change
 * keyed by the layer version ARN; a delete records its tombstone. Deleting a version leaves its
 * package in the code store, so the functions that use it keep working (AWS keeps a copy for them).
 */
@Service
class LayerService implements LayerResolver {

    static final String NOT_FOUND = "The resource you requested does not exist.";

    private final LayerRepository layers;
    private final LayerVersionRepository versions;
    private final LayerPolicyRepository policies;
    private final PackageIntake packages;
    private final ChangeLog changes;
    private final RegistryProperties properties;
    private final Clock clock;
    private final CodeLocations codeLocations;

    LayerService(
            LayerRepository layers,
            LayerVersionRepository versions,
            LayerPolicyRepository policies,
            PackageIntake packages,
            ChangeLog changes,
            RegistryProperties properties,
            Clock clock,
            CodeLocations codeLocations) {
        this.codeLocations = codeLocations;
        this.layers = layers;
        this.versions = versions;
        this.policies = policies;
        this.packages = packages;
        this.changes = changes;
        this.properties = properties;
        this.clock = clock;
    }

    /** The package is stored before the transaction names it, as function code is. */
    @Transactional
    LayerVersionSnapshot publish(String layerName, PublishLayerVersionRequest request) {
        LayerId id = LayerRules.layerName(layerName);
        LayerRules.checkPublish(request, properties.runtimes());
        if (!isOurs(id)) {
            throw notFound();
        }
        PackageIntake.Package code = packages.store(request.content().zipFile());
        LayerEntity layer =
                layers.findForUpdate(id.name()).orElseGet(() -> layers.saveAndFlush(new LayerEntity(id.name())));
        layer.lastVersion++;
        LayerVersionEntity version = new LayerVersionEntity();
        version.layerName = id.name();
        version.version = layer.lastVersion;
        version.description = request.description() == null ? "" : request.description();
        version.codeSha256Hex = code.sha256Hex();
        version.codeSize = code.size();
        version.unzippedSize = code.unzippedSize();
        version.compatibleRuntimes = LayerVersionEntity.join(request.compatibleRuntimes());
        version.compatibleArchitectures = LayerVersionEntity.join(request.compatibleArchitectures());
        version.licenseInfo = request.licenseInfo();
        version.createdDate = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        versions.save(version);
        LayerVersionSnapshot snapshot = snapshot(version);
        changes.changed(ResourceType.LAYER_VERSION, snapshot.layerVersionArn(), null, snapshot);
        return snapshot;
    }

    @Transactional(readOnly = true)
    LayerVersionSnapshot get(String layerName, long versionNumber) {
        LayerId id = LayerRules.layerName(layerName);
        LayerRules.checkVersionNumber(versionNumber);
        return find(id, versionNumber).map(this::snapshot).orElseThrow(LayerService::notFound);
    }

    @Transactional(readOnly = true)
    LayerVersionSnapshot getByArn(String arn) {
        VersionId v = LayerRules.versionArn(arn, "arn");
        LayerId id = new LayerId(Optional.of(v.region()), Optional.of(v.accountId()), v.name());
        return find(id, v.version()).map(this::snapshot).orElseThrow(LayerService::notFound);
    }

    /** AWS answers a delete of a version that is not there with success too; its policy goes with it. */
    @Transactional
    void delete(String layerName, long versionNumber) {
        LayerId id = LayerRules.layerName(layerName);
        LayerRules.checkVersionNumber(versionNumber);
        find(id, versionNumber).ifPresent(version -> {
            versions.delete(version);
            policies.findByLayerNameAndVersion(version.layerName, version.version)
                    .ifPresent(policies::delete);
            changes.deleted(ResourceType.LAYER_VERSION, versionArn(version.layerName, version.version));
        });
    }

    /** ListLayerVersions: newest first, only those matching the filters; a page starts after {@code marker}. */
    @Transactional(readOnly = true)
    List<LayerVersionSnapshot> listVersions(
            String layerName, String runtime, String architecture, String marker, int limit) {
        LayerId id = LayerRules.layerName(layerName);
        checkFilters(runtime, architecture);
        if (!isOurs(id)) {
            return List.of();
        }
        long before = marker == null ? Long.MAX_VALUE : markerNumber(marker);
        return versions.findByLayerNameOrderByVersionDesc(id.name()).stream()
                .filter(v -> v.version < before)
                .filter(matching(runtime, architecture))
                .limit(limit)
                .map(this::snapshot)
                .toList();
    }

    /**
     * ListLayers: layers in name order after {@code marker}, each with its newest version that
     * matches the filters; a layer with no matching version is left out.
     */
    @Transactional(readOnly = true)
    List<LayerVersionSnapshot> listLayers(String runtime, String architecture, String marker, int limit) {
        checkFilters(runtime, architecture);
        Map<String, LayerVersionEntity> latest = new LinkedHashMap<>();
        for (LayerVersionEntity v :
                versions.findByLayerNameGreaterThanOrderByLayerNameAscVersionDesc(marker == null ? "" : marker)) {
            if (latest.size() >= limit && !latest.containsKey(v.layerName)) {
                break;
            }
            if (!latest.containsKey(v.layerName)
                    && matching(runtime, architecture).test(v)) {
                latest.put(v.layerName, v);
            }
        }
        return latest.values().stream().map(this::snapshot).toList();
    }

    /**
     * Resolves a function's {@code Layers} in order. The existence check comes first for each ARN,
     * then the one-version-per-layer rule, as AWS reports them.
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<AttachedLayer> resolve(List<String> layerVersionArns) {
        List<AttachedLayer> attached = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String arn : layerVersionArns) {
            VersionId v = LayerRules.parseVersionArn(arn);
            if (!v.region().equals(properties.region())) {
                throw LambdaApiException.invalidParameter("Layers are not in the same region as the function."
                        + " Layers are expected to be in region " + properties.region() + ".");
            }
            LayerVersionEntity version = find(
                            new LayerId(Optional.of(v.region()), Optional.of(v.accountId()), v.name()), v.version())
                    .orElseThrow(
                            () -> LambdaApiException.invalidParameter("Layer version " + arn + " does not exist."));
            String previous = seen.putIfAbsent(v.name(), arn);
            if (previous != null) {
                throw LambdaApiException.invalidParameter("Two different versions of the same layer are not allowed"
                        + " to be referenced in the same function. " + previous + " and " + arn
                        + " are versions of the same layer.");
            }
            attached.add(new AttachedLayer(
                    versionArn(version.layerName, version.version),
                    Sha256.base64OfHex(version.codeSha256Hex),
                    version.codeSize,
                    version.unzippedSize));
        }
        return attached;
    }

    /** Where the ZIP is downloaded: the gateway's code endpoint. */
    String location(LayerVersionSnapshot snapshot) {
        String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(snapshot.codeSha256()));
        return codeLocations.of(hex);
    }

    private Optional<LayerVersionEntity> find(LayerId id, long version) {
        return isOurs(id) ? versions.findByLayerNameAndVersion(id.name(), version) : Optional.empty();
    }

    private boolean isOurs(LayerId id) {
        return id.isIn(properties.region(), properties.accountId());
    }

    private void checkFilters(String runtime, String architecture) {
        LayerRules.checkFilter(runtime, "compatibleRuntime", properties.runtimes());
        LayerRules.checkFilter(architecture, "compatibleArchitecture", LayerRules.ARCHITECTURES);
    }

    private static Predicate<LayerVersionEntity> matching(String runtime, String architecture) {
        return v -> (runtime == null || v.runtimes().contains(runtime))
                && (architecture == null || v.architectures().contains(architecture));
    }

    private static long markerNumber(String marker) {
        try {
            return Long.parseLong(marker);
        } catch (NumberFormatException e) {
            throw LambdaApiException.invalidParameter("Invalid marker: " + marker);
        }
    }

    private String versionArn(String name, long version) {
        return LambdaArns.layerVersion(properties.region(), properties.accountId(), name, version);
    }

    private LayerVersionSnapshot snapshot(LayerVersionEntity v) {
        return new LayerVersionSnapshot(
                v.layerName,
                LambdaArns.layer(properties.region(), properties.accountId(), v.layerName),
                versionArn(v.layerName, v.version),
                v.version,
                v.description,
                Sha256.base64OfHex(v.codeSha256Hex),
                v.codeSize,
                v.runtimes(),
                v.architectures(),
                v.licenseInfo,
                v.createdDate);
    }

    private static LambdaApiException notFound() {
        return new LambdaApiException(LambdaErrorType.RESOURCE_NOT_FOUND, NOT_FOUND);
    }
}
