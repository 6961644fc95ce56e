package dev.ignis.bench.options;

/**
 * The bounds of the {@code registry} scenario (control-plane operations, not invokes).
 *
 * @param creates CreateFunction calls with a 1 MB package, each timed on its own
 * @param listed tiny functions created so that ListFunctions has that many to page through
 * @param listings full listings timed, page by page
 */
public record RegistryCounts(int creates, int listed, int listings) {

    public RegistryCounts {
        if (creates < 1 || listed < 1 || listings < 1) {
            throw new IllegalArgumentException("registry counts must be at least 1");
        }
    }
}
