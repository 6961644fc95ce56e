package dev.ignis.registry.function;

import java.util.List;

/**
 * Turns the layer version ARNs of CreateFunction or UpdateFunctionConfiguration into the layers a
 * function keeps; implemented by the layer feature.
 *
 * <p>Contract: runs in the caller's transaction; the ARNs have passed the model's checks (pattern,
 * at most five); the answer keeps their order. A layer version that does not exist, one in another
 * region, or two versions of one layer are refused with AWS's {@code InvalidParameterValueException}.
 */
public interface LayerResolver {

    List<AttachedLayer> resolve(List<String> layerVersionArns);
}
