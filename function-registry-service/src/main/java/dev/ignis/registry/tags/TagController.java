package dev.ignis.registry.tags;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** TagResource, UntagResource and ListTags (2017-03-31); the resource is a function ARN. */
@RestController
@RequestMapping("/2017-03-31/tags/{resource}")
@Tag(name = "Tags")
class TagController {

    private final TagService tags;

    TagController(TagService tags) {
        this.tags = tags;
    }

    /** The body and answer of TagResource and ListTags: {@code {"Tags": {...}}}. */
    record Tags(Map<String, String> tags) {}

    @Operation(summary = "TagResource")
    @PostMapping
    ResponseEntity<Void> tag(@PathVariable String resource, @RequestBody Tags request) {
        tags.tag(resource, request.tags());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "UntagResource")
    @DeleteMapping
    ResponseEntity<Void> untag(
            @PathVariable String resource, @RequestParam(name = "tagKeys", required = false) List<String> tagKeys) {
        tags.untag(resource, tagKeys);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "ListTags")
    @GetMapping
    Tags list(@PathVariable String resource) {
        return new Tags(tags.list(resource));
    }
}
