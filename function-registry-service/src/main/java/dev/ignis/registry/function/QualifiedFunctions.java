package dev.ignis.registry.function;

import java.util.Optional;

/**
 * Published versions and aliases, as GetFunction and DeleteFunction need them when called with a
 * qualifier. Implemented by the alias feature, which knows both.
 *
 * <p>Contract: {@code qualifier} is never {@code $LATEST} (the function feature answers that
 * itself); both methods run in the caller's transaction.
 */
public interface QualifiedFunctions {

    /**
     * The configuration a version number or an alias names, shown under the qualified ARN it was
     * asked by; empty when the function, version or alias does not exist.
     */
    Optional<StoredFunction> resolve(String functionName, String qualifier);

    /**
     * Deletes one published version, refusing with a {@code ResourceConflictException} while an
     * alias points at it; an alias name is an {@code InvalidParameterValueException}.
     */
    void deleteVersion(String functionName, String qualifier);
}
