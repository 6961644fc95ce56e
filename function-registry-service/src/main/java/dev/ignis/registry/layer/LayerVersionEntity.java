package dev.ignis.registry.layer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One published layer version; immutable once stored. Never leaves this package. */
@Entity
@Table(name = "layer_version")
class LayerVersionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Column(name = "layer_name", nullable = false, length = 140)
    String layerName;

    @Column(name = "version_number", nullable = false)
    long version;

    @Column(length = 256)
    String description;

    @Column(name = "code_sha256", nullable = false, length = 64)
    String codeSha256Hex;

    @Column(name = "code_size", nullable = false)
    long codeSize;

    @Column(name = "unzipped_size", nullable = false)
    long unzippedSize;

    /** Comma-separated (runtime and architecture ids hold no commas); null when none. */
    @Column(name = "compatible_runtimes", length = 1024)
    String compatibleRuntimes;

    @Column(name = "compatible_architectures", length = 64)
    String compatibleArchitectures;

    @Column(name = "license_info", length = 512)
    String licenseInfo;

    @Column(name = "created_date", nullable = false)
    Instant createdDate;

    List<String> runtimes() {
        return split(compatibleRuntimes);
    }

    List<String> architectures() {
        return split(compatibleArchitectures);
    }

    static String join(List<String> values) {
        return values == null || values.isEmpty() ? null : String.join(",", values);
    }

    private static List<String> split(String joined) {
        return joined == null ? List.of() : Arrays.asList(joined.split(","));
    }
}
