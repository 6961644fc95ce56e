package dev.ignis.registry.policy;

import dev.ignis.registry.policy.PolicyApi.AddPermissionRequest;
import dev.ignis.registry.policy.PolicyApi.AddPermissionResponse;
import dev.ignis.registry.policy.PolicyApi.GetPolicyResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** AddPermission, GetPolicy and RemovePermission (2015-03-31): a function's resource-based policy. */
@RestController
@RequestMapping("/2015-03-31/functions/{functionName}/policy")
@Tag(name = "Permissions")
class PolicyController {

    private final PolicyService policies;

    PolicyController(PolicyService policies) {
        this.policies = policies;
    }

    @Operation(summary = "AddPermission")
    @PostMapping
    ResponseEntity<AddPermissionResponse> add(
            @PathVariable String functionName,
            @RequestParam(name = "Qualifier", required = false) String qualifier,
            @RequestBody AddPermissionRequest request) {
        String statement = policies.add(functionName, qualifier, request);
        return ResponseEntity.status(HttpStatus.CREATED).body(new AddPermissionResponse(statement));
    }

    @Operation(summary = "GetPolicy")
    @GetMapping
    GetPolicyResponse get(
            @PathVariable String functionName, @RequestParam(name = "Qualifier", required = false) String qualifier) {
        PolicyService.Policy policy = policies.get(functionName, qualifier);
        return new GetPolicyResponse(PolicyDocument.policy(policy.statements()), policy.revisionId());
    }

    @Operation(summary = "RemovePermission")
    @DeleteMapping("/{statementId}")
    ResponseEntity<Void> remove(
            @PathVariable String functionName,
            @PathVariable String statementId,
            @RequestParam(name = "Qualifier", required = false) String qualifier,
            @RequestParam(name = "RevisionId", required = false) String revisionId) {
        policies.remove(functionName, statementId, qualifier, revisionId);
        return ResponseEntity.noContent().build();
    }
}
