package dev.ignis.asyncqueue.worker;

/** Where the workers read a function's {@link AsyncPolicy}; the registry view in production. */
public interface PolicySource {

    /**
     * The policy for events addressed to {@code functionArn} (unqualified, or qualified by a
     * version or alias). Never null: AWS's defaults when nothing is configured.
     */
    AsyncPolicy policyFor(String functionArn);
}
