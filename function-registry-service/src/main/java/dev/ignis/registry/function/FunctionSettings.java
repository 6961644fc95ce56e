package dev.ignis.registry.function;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.util.List;

/**
 * What a version freezes of a function: its code and the configuration it runs with. {@code $LATEST}
 * and every published version store these same columns; only this package reads or changes them.
 */
@Embeddable
public class FunctionSettings {

    static final String PASS_THROUGH = "PassThrough";

    @Column(nullable = false)
    String runtime;

    @Column(nullable = false)
    String handler;

    @Column(nullable = false)
    String role;

    @Column(length = 256)
    String description;

    @Column(name = "memory_size", nullable = false)
    int memorySize;

    @Column(nullable = false)
    int timeout;

    @Column(name = "ephemeral_storage", nullable = false)
    int ephemeralStorage;

    /** The sealed environment (EnvironmentCipher), or null when the function has none. */
    @Column(name = "environment", length = 16_384)
    String environment;

    @Column(name = "code_sha256", nullable = false, length = 64)
    String codeSha256Hex;

    @Column(name = "code_size", nullable = false)
    long codeSize;

    /** What the package inflates to; null for packages stored before migration V4 (measured on demand). */
    @Column(name = "unzipped_code_size")
    Long unzippedCodeSize;

    /** The layers, in extraction order; empty when none. */
    @Convert(converter = AttachedLayersConverter.class)
    @Column(name = "layers", length = 4096)
    List<AttachedLayer> layers = List.of();

    @Column(name = "tracing_mode", nullable = false, length = 16)
    String tracingMode = PASS_THROUGH;

    @Column(name = "dead_letter_target", length = 1024)
    String deadLetterTarget;

    /** {@code x86_64} or {@code arm64}: AWS's model takes exactly one. */
    @Column(name = "architecture", nullable = false, length = 16)
    String architecture = Architectures.X86_64;

    protected FunctionSettings() {}

    /** A detached copy, for a version to keep while {@code $LATEST} moves on. */
    public FunctionSettings copy() {
        FunctionSettings c = new FunctionSettings();
        c.runtime = runtime;
        c.handler = handler;
        c.role = role;
        c.description = description;
        c.memorySize = memorySize;
        c.timeout = timeout;
        c.ephemeralStorage = ephemeralStorage;
        c.environment = environment;
        c.codeSha256Hex = codeSha256Hex;
        c.codeSize = codeSize;
        c.unzippedCodeSize = unzippedCodeSize;
        c.layers = layers;
        c.tracingMode = tracingMode;
        c.deadLetterTarget = deadLetterTarget;
        c.architecture = architecture;
        return c;
    }

    /** A copy with another description: PublishVersion's own {@code Description}, when given. */
    public FunctionSettings withDescription(String newDescription) {
        FunctionSettings c = copy();
        if (newDescription != null) {
            c.description = newDescription;
        }
        return c;
    }

    static FunctionSettings empty() {
        return new FunctionSettings();
    }
}
