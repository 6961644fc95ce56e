package dev.ignis.registry.function;

/**
 * What a function's code signing config allows to be deployed. Ignis has no signer, so every
 * package and layer is unsigned: a config whose policy is {@code Enforce} refuses it with a
 * {@code CodeVerificationFailedException}, one whose policy is {@code Warn} lets it through and
 * logs a warning. Implemented by the code signing feature.
 *
 * <p>Contract: both methods run in the caller's transaction, before the package is stored, and
 * throw the AWS error the caller must answer with.
 */
public interface CodeSigningCheck {

    /**
     * CreateFunction's {@code CodeSigningConfigArn} (null when none): the config must exist
     * ({@code CodeSigningConfigNotFoundException}) and admit unsigned code; it is then the new
     * function's config.
     */
    void admitNew(String functionName, String codeSigningConfigArn);

    /** New code or layers for an existing function, under the config it uses (if any). */
    void admitCode(String functionName);
}
