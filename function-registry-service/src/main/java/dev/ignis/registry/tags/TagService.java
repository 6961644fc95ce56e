package dev.ignis.registry.tags;

import dev.ignis.registry.api.LambdaApiException;
import dev.ignis.registry.function.FunctionDeleted;
import dev.ignis.registry.function.FunctionService;
import dev.ignis.registry.function.FunctionTags;
import dev.ignis.registry.function.FunctionViews;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TagResource, UntagResource and ListTags, and the tags CreateFunction and GetFunction carry. Tags
 * are account metadata the data plane never needs, so they publish no registry change.
 */
@Service
class TagService implements FunctionTags {

    private final TagRepository tags;
    private final FunctionService functions;
    private final FunctionViews views;

    TagService(TagRepository tags, FunctionService functions, FunctionViews views) {
        this.tags = tags;
        this.functions = functions;
        this.views = views;
    }

    /** Adds tags, replacing the value of a key the function already has. */
    @Transactional
    void tag(String resource, Map<String, String> added) {
        String name = TagRules.functionName(resource);
        if (added == null || added.isEmpty()) {
            throw LambdaApiException.invalidParameter("An error occurred and the request cannot be processed.");
        }
        TagRules.checkTags(added);
        requireFunction(name);
        Map<String, String> merged = tagsOf(name);
        merged.putAll(added);
        TagRules.checkCount(merged.size());
        added.forEach((key, value) -> tags.save(new TagEntity(name, key, value)));
    }

    /** Removes the named keys; a key the function does not have is ignored, as on AWS. */
    @Transactional
    void untag(String resource, List<String> keys) {
        String name = TagRules.functionName(resource);
        if (keys == null || keys.isEmpty()) {
            throw LambdaApiException.validation(null, "tagKeys", "Member must not be null");
        }
        requireFunction(name);
        tags.findByFunctionNameOrderByKeyAsc(name).stream()
                .filter(tag -> keys.contains(tag.key))
                .forEach(tags::delete);
    }

    @Transactional(readOnly = true)
    Map<String, String> list(String resource) {
        String name = TagRules.functionName(resource);
        requireFunction(name);
        return tagsOf(name);
    }

    @Override
    @Transactional
    public void tagNew(String functionName, Map<String, String> initial) {
        if (initial == null || initial.isEmpty()) {
            return;
        }
        TagRules.checkTags(initial);
        TagRules.checkCount(initial.size());
        initial.forEach((key, value) -> tags.save(new TagEntity(functionName, key, value)));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, String> tagsOf(String functionName) {
        Map<String, String> found = new TreeMap<>();
        tags.findByFunctionNameOrderByKeyAsc(functionName).forEach(tag -> found.put(tag.key, tag.value));
        return found;
    }

    @EventListener
    void onFunctionDeleted(FunctionDeleted deleted) {
        tags.deleteAll(tags.findByFunctionNameOrderByKeyAsc(deleted.functionName()));
    }

    private void requireFunction(String name) {
        if (functions.findLatest(name).isEmpty()) {
            throw LambdaApiException.functionNotFound(views.unqualifiedArn(name));
        }
    }
}
