package dev.ignis.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ignis.contracts.error.Fault;
import dev.ignis.contracts.error.LambdaErrorType;
import dev.ignis.contracts.error.Retriability;
import dev.ignis.contracts.invoke.InvokeFailure;
import org.junit.jupiter.api.Test;

class InvokeFailureTest {

    @Test
    void aSuccessIsNoFailure() {
        assertThat(InvokeFailure.classify(200, null, null, null)).isEmpty();
        assertThat(InvokeFailure.classify(204, null, null, null)).isEmpty();
    }

    @Test
    void everyCatalogueEntryReadsBackAsItself() {
        for (LambdaErrorType type : LambdaErrorType.values()) {
            InvokeFailure failure = type.fault() == Fault.FUNCTION
                    ? InvokeFailure.classify(200, null, "Unhandled", type.code())
                            .orElseThrow()
                    : InvokeFailure.classify(type.httpStatus(), type.code(), null, null)
                            .orElseThrow();
            assertThat(failure.type()).contains(type);
            assertThat(failure.fault()).isEqualTo(type.fault());
            assertThat(failure.retriability()).isEqualTo(type.retriability());
        }
    }

    @Test
    void aHandlersOwnErrorTypeIsTheFunctionsFault() {
        InvokeFailure failure =
                InvokeFailure.classify(200, null, "Unhandled", "ValueError").orElseThrow();

        assertThat(failure.errorType()).isEqualTo("ValueError");
        assertThat(failure.type()).isEmpty();
        assertThat(failure.fault()).isEqualTo(Fault.FUNCTION);
        assertThat(failure.retriability()).isEqualTo(Retriability.FUNCTION_BUDGET);
        assertThat(InvokeFailure.classify(200, null, "Unhandled", null)
                        .orElseThrow()
                        .type())
                .contains(LambdaErrorType.RUNTIME_UNKNOWN);
    }

    @Test
    void anUncataloguedAnswerIsClassifiedByItsStatus() {
        assertThat(InvokeFailure.classify(503, null, null, null).orElseThrow())
                .isEqualTo(new InvokeFailure("ServiceException", Fault.PLATFORM, Retriability.TRANSIENT));
        assertThat(InvokeFailure.classify(400, "SomethingNewException", null, null)
                        .orElseThrow())
                .isEqualTo(new InvokeFailure("SomethingNewException", Fault.CLIENT, Retriability.PERMANENT));
        assertThat(InvokeFailure.classify(429, null, null, null).orElseThrow().retriability())
                .isEqualTo(Retriability.TRANSIENT);
        assertThat(InvokeFailure.classify(404, "ResourceNotFoundException:http://internal.amazon.com/", null, null)
                        .orElseThrow()
                        .type())
                .contains(LambdaErrorType.RESOURCE_NOT_FOUND);
    }
}
