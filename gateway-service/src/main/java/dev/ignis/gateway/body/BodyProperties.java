package dev.ignis.gateway.body;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway holds request bodies it must hash before it may forward them, under
 * {@code ignis.gateway.bodies}.
 *
 * @param maxUploadBytes CreateFunction, UpdateFunctionCode and PublishLayerVersion (AWS: 69,905,067
 *     bytes, a 50 MB package in base64)
 * @param maxOtherBytes every other management operation
 * @param memoryBudget the heap all bodies held at once may take together; a body that does not fit,
 *     or whose size is not declared, goes to a file in {@code spoolDir} instead
 * @param spoolDir where bodies beyond the budget wait while their hash is checked; empty: the JVM's
 *     temporary directory
 */
@Validated
@ConfigurationProperties("ignis.gateway.bodies")
public record BodyProperties(
        @NotNull @DefaultValue("69905067B") DataSize maxUploadBytes,
        @NotNull @DefaultValue("6MB") DataSize maxOtherBytes,
        @NotNull @DefaultValue("32MB") DataSize memoryBudget,
        Path spoolDir) {}
