package dev.ignis.contracts.schedule;

/** A {@code ScheduleExpression} AWS would refuse; the message is AWS's, whatever was wrong. */
public final class InvalidScheduleExpressionException extends IllegalArgumentException {

    public static final String MESSAGE = "Parameter ScheduleExpression is not valid.";

    private final String expression;

    InvalidScheduleExpressionException(String expression) {
        super(MESSAGE);
        this.expression = expression;
    }

    /** What was refused, for logs. */
    public String expression() {
        return expression;
    }
}
