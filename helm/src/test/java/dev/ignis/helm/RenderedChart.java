package dev.ignis.helm;

import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/** The chart rendered by Helm (in-process) and parsed into the Kubernetes API model. */
record RenderedChart(List<HasMetadata> resources) {

    static final Path CHART = Path.of("ignis");
    /** The oldest Kubernetes the chart supports (Chart.yaml kubeVersion): appArmorProfile fields need 1.30. */
    static final String KUBE_VERSION = "1.30.0";

    static final Path PRODUCTION_VALUES = Path.of("values-production.yaml");
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /**
     * Renders the chart as {@code helm template} would, hooks included: Helm keeps hook resources out of
     * a template's output, so the chart is copied with its hook annotations removed and the copy
     * rendered (the copy is the check's, the real chart is what lint sees).
     */
    static String template(UnaryOperator<com.marcnuri.helm.TemplateCommand> options) {
        return options.apply(new Helm(HooksAsResources.copy(CHART))
                        .template()
                        .withName("ignis")
                        .withNamespace("lambda")
                        .withKubeVersion(KUBE_VERSION))
                .call();
    }

    static RenderedChart render(UnaryOperator<com.marcnuri.helm.TemplateCommand> options) {
        return parse(template(options));
    }

    /** Every document of a multi-document manifest, each strictly parsed ({@link StrictModel}). */
    static RenderedChart parse(String manifest) {
        List<HasMetadata> resources = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(manifest)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.startsWith("#"))) {
                continue;
            }
            resources.add(StrictModel.check(SERIALIZATION.unmarshal(document)));
        }
        return new RenderedChart(List.copyOf(resources));
    }

    <T extends HasMetadata> List<T> all(Class<T> kind) {
        return resources.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> kind, String name) {
        return all(kind).stream()
                .filter(r -> r.getMetadata().getName().equals(name))
                .findFirst();
    }

    <T extends HasMetadata> T get(Class<T> kind, String name) {
        return find(kind, name)
                .orElseThrow(() -> new AssertionError("no " + kind.getSimpleName() + " named " + name + " in "
                        + resources.stream()
                                .map(r -> r.getKind() + "/" + r.getMetadata().getName())
                                .toList()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> json(String text) {
        return SERIALIZATION.unmarshal(text, Map.class);
    }
}
