package dev.ignis.registry.api;

/** AWS's model constraints, checked the way the Lambda API reports them (one ValidationException). */
public final class Constraints {

    private Constraints() {}

    /** {@code value} within {@code [min, max]}; null means the field was not given. */
    public static void range(Integer value, String field, int min, int max) {
        if (value == null) {
            return;
        }
        if (value < min) {
            throw LambdaApiException.validation(value, field, "Member must have value greater than or equal to " + min);
        }
        if (value > max) {
            throw LambdaApiException.validation(value, field, "Member must have value less than or equal to " + max);
        }
    }
}
