package dev.ignis.helm;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.InvocationTargetException;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A manifest is valid only if every field maps onto the Kubernetes API model: fabric8's classes
 * keep what they do not know in {@code additionalProperties} instead of failing, so a misspelt or
 * misplaced field ({@code spec.replicass}, a probe under {@code spec}) is found by walking the
 * parsed object graph for non-empty ones. An unknown apiVersion/kind parses as a {@link
 * GenericKubernetesResource}: only the Prometheus Operator's ServiceMonitor (a CRD outside the
 * core model) is allowed that way, and its fields are checked against the CRD's.
 */
final class StrictModel {

    private static final Set<String> SERVICE_MONITOR_SPEC =
            Set.of("selector", "endpoints", "namespaceSelector", "jobLabel", "podTargetLabels", "targetLabels");
    private static final Set<String> SERVICE_MONITOR_ENDPOINT = Set.of(
            "port", "path", "interval", "scrapeTimeout", "scheme", "authorization", "relabelings", "metricRelabelings");

    private StrictModel() {}

    static HasMetadata check(Object parsed) {
        if (!(parsed instanceof HasMetadata resource)) {
            throw new AssertionError("not a Kubernetes resource: " + parsed);
        }
        if (resource instanceof GenericKubernetesResource generic) {
            checkServiceMonitor(generic);
            return resource;
        }
        walk(resource, resource.getKind() + "/" + resource.getMetadata().getName(), new IdentityHashMap<>());
        return resource;
    }

    private static void walk(Object node, String path, IdentityHashMap<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, path + "[" + i++ + "]", seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> walk(value, path + "[" + key + "]", seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (PropertyDescriptor property : properties(node.getClass())) {
            if (property.getReadMethod() == null) {
                continue;
            }
            Object value = read(node, property);
            if (property.getName().equals("additionalProperties")) {
                if (value instanceof Map<?, ?> unknown && !unknown.isEmpty()) {
                    throw new AssertionError(
                            "fields unknown to the Kubernetes API at " + path + ": " + unknown.keySet());
                }
            } else {
                walk(value, path + "." + property.getName(), seen);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void checkServiceMonitor(GenericKubernetesResource resource) {
        if (!"monitoring.coreos.com/v1".equals(resource.getApiVersion())
                || !"ServiceMonitor".equals(resource.getKind())) {
            throw new AssertionError("a kind the Kubernetes API model does not know: " + resource.getApiVersion() + " "
                    + resource.getKind());
        }
        Map<String, Object> spec =
                (Map<String, Object>) resource.getAdditionalProperties().get("spec");
        if (spec == null || !SERVICE_MONITOR_SPEC.containsAll(spec.keySet())) {
            throw new AssertionError("ServiceMonitor spec has fields outside the CRD: " + spec);
        }
        for (Map<String, Object> endpoint : (List<Map<String, Object>>) spec.get("endpoints")) {
            if (!SERVICE_MONITOR_ENDPOINT.containsAll(endpoint.keySet())) {
                throw new AssertionError("ServiceMonitor endpoint has fields outside the CRD: " + endpoint);
            }
        }
    }

    private static PropertyDescriptor[] properties(Class<?> type) {
        try {
            return Introspector.getBeanInfo(type, Object.class).getPropertyDescriptors();
        } catch (IntrospectionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object read(Object node, PropertyDescriptor property) {
        try {
            return property.getReadMethod().invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
