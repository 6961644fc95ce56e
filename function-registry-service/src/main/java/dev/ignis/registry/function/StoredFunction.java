package dev.ignis.registry.function;

import dev.ignis.contracts.registry.FunctionSnapshot;

/**
 * One runnable configuration ({@code $LATEST} or a version) as the API layer needs it.
 *
 * @param arn the ARN to show: the snapshot's own, or the alias or {@code :$LATEST} ARN it was asked by
 * @param codeSha256Hex where the package is in the code store
 * @param snapshot what the data plane receives
 */
public record StoredFunction(
        String arn, String codeSha256Hex, FunctionSnapshot snapshot, String tracingMode, String deadLetterTargetArn) {

    /** The same configuration, shown under another ARN (an alias, or a qualified {@code $LATEST}). */
    public StoredFunction withArn(String shownArn) {
        return new StoredFunction(shownArn, codeSha256Hex, snapshot, tracingMode, deadLetterTargetArn);
    }

    public String functionName() {
        return snapshot.functionName();
    }

    public String version() {
        return snapshot.version();
    }

    public String revisionId() {
        return snapshot.revisionId();
    }
}
