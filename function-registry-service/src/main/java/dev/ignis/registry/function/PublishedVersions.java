package dev.ignis.registry.function;

import java.util.List;

/**
 * A function's published versions as ListFunctions with {@code FunctionVersion=ALL} shows them.
 * Implemented by the version feature.
 *
 * <p>Contract: runs in the caller's transaction; answers {@code $LATEST} under its qualified ARN
 * first (unless {@code marker} is given), then the versions in number order, at most {@code limit}
 * of them; {@code marker} is {@code $LATEST} or a version number, and what follows it is answered.
 */
public interface PublishedVersions {

    List<StoredFunction> list(String functionName, String marker, int limit);
}
