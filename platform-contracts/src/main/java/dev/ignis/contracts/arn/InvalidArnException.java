package dev.ignis.contracts.arn;

/** A function name or ARN that matches none of the forms the Lambda API accepts. */
public final class InvalidArnException extends IllegalArgumentException {

    public InvalidArnException(String valueOrMessage) {
        super(
                valueOrMessage != null && valueOrMessage.contains(" ")
                        ? valueOrMessage
                        : "1 validation error detected: Value '" + valueOrMessage
                                + "' at 'functionName' failed to satisfy constraint: Member must satisfy regular"
                                + " expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?"
                                + "(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
    }
}
