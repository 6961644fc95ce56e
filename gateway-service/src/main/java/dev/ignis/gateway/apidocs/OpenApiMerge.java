package dev.ignis.gateway.apidocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Folds the services' OpenAPI documents into one: the paths {@code exposed} accepts with their
 * operations, and all components and tags, are united; where two documents define the same operation or component, the earlier one wins (the
 * gateway's own description comes first, then the services in a fixed order) and the clash is
 * listed under {@code x-ignis-conflicts}, so a rename in one service never silently replaces another's.
 */
public final class OpenApiMerge {

    /** One service's document, or why it could not be read. */
    public record Source(String service, JsonNode document, String unavailable) {
        public static Source of(String service, JsonNode document) {
            return new Source(service, document, null);
        }

        public static Source unavailable(String service, String reason) {
            return new Source(service, null, reason);
        }
    }

    private OpenApiMerge() {}

    public static ObjectNode merge(ObjectNode base, List<Source> sources, Predicate<String> exposed) {
        ObjectNode merged = base.deepCopy();
        ObjectNode paths = objectAt(merged, "paths");
        ObjectNode components = objectAt(merged, "components");
        ArrayNode tags = merged.has("tags") ? (ArrayNode) merged.get("tags") : merged.putArray("tags");
        List<String> conflicts = new ArrayList<>();
        ObjectNode unavailable = JsonNodeFactory.instance.objectNode();
        for (Source source : sources) {
            if (source.document() == null) {
                unavailable.put(source.service(), source.unavailable());
                continue;
            }
            for (Map.Entry<String, JsonNode> path :
                    source.document().path("paths").properties()) {
                if (!exposed.test(path.getKey())) {
                    continue;
                }
                ObjectNode operations = objectAt(paths, path.getKey());
                for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                    if (operations.has(operation.getKey())) {
                        conflicts.add(source.service() + ": " + operation.getKey() + " " + path.getKey());
                    } else {
                        operations.set(operation.getKey(), operation.getValue());
                    }
                }
            }
            for (Map.Entry<String, JsonNode> kind :
                    source.document().path("components").properties()) {
                ObjectNode known = objectAt(components, kind.getKey());
                for (Map.Entry<String, JsonNode> component : kind.getValue().properties()) {
                    JsonNode existing = known.get(component.getKey());
                    if (existing == null) {
                        known.set(component.getKey(), component.getValue());
                    } else if (!existing.equals(component.getValue())) {
                        conflicts.add(source.service() + ": components/" + kind.getKey() + "/" + component.getKey());
                    }
                }
            }
            for (JsonNode tag : source.document().path("tags")) {
                if (tags.valueStream().noneMatch(t -> t.path("name").equals(tag.path("name")))) {
                    tags.add(tag);
                }
            }
        }
        if (!conflicts.isEmpty()) {
            ArrayNode list = merged.putArray("x-ignis-conflicts");
            conflicts.forEach(list::add);
        }
        if (!unavailable.isEmpty()) {
            merged.set("x-ignis-unavailable", unavailable);
        }
        return merged;
    }

    private static ObjectNode objectAt(ObjectNode parent, String field) {
        JsonNode node = parent.get(field);
        return node instanceof ObjectNode object ? object : parent.putObject(field);
    }
}
