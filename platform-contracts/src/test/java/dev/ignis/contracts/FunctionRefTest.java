package dev.ignis.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ignis.contracts.arn.FunctionRef;
import dev.ignis.contracts.arn.InvalidArnException;
import org.junit.jupiter.api.Test;

class FunctionRefTest {

    @Test
    void parsesBareName() {
        FunctionRef ref = FunctionRef.parse("my-function_1");
        assertThat(ref.functionName()).isEqualTo("my-function_1");
        assertThat(ref.qualifier()).isEmpty();
        assertThat(ref.toArn("us-east-1", "000000000000"))
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:my-function_1");
    }

    @Test
    void parsesNameWithQualifier() {
        FunctionRef ref = FunctionRef.parse("my-function:$LATEST");
        assertThat(ref.qualifier()).contains("$LATEST");
        assertThat(ref.toUnqualifiedArn("us-east-1", "000000000000"))
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:my-function");
    }

    @Test
    void parsesPartialArn() {
        FunctionRef ref = FunctionRef.parse("123456789012:function:fn:prod");
        assertThat(ref.accountId()).contains("123456789012");
        assertThat(ref.region()).isEmpty();
        assertThat(ref.toArn("eu-west-1", "000000000000"))
                .isEqualTo("arn:aws:lambda:eu-west-1:123456789012:function:fn:prod");
    }

    @Test
    void parsesFullArnKeepingItsRegionAndAccount() {
        FunctionRef ref = FunctionRef.parse("arn:aws:lambda:eu-central-1:123456789012:function:fn:7");
        assertThat(ref.region()).contains("eu-central-1");
        assertThat(ref.qualifier()).contains("7");
        assertThat(ref.toArn("us-east-1", "000000000000"))
                .isEqualTo("arn:aws:lambda:eu-central-1:123456789012:function:fn:7");
    }

    @Test
    void rejectsWhatAwsRejects() {
        assertThatThrownBy(() -> FunctionRef.parse("has space")).isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> FunctionRef.parse("a".repeat(65))).isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> FunctionRef.parse("arn:aws:lambda:us-east-1:123456789012:layer:x"))
                .isInstanceOf(InvalidArnException.class);
        assertThatThrownBy(() -> FunctionRef.parse("")).isInstanceOf(InvalidArnException.class);
    }

    @Test
    void qualifierParameterMustAgreeWithTheNamedOne() {
        assertThat(FunctionRef.parse("fn", "live").qualifier()).contains("live");
        assertThat(FunctionRef.parse("fn:live", "live").qualifier()).contains("live");
        assertThatThrownBy(() -> FunctionRef.parse("fn:live", "2"))
                .isInstanceOf(InvalidArnException.class)
                .hasMessageContaining("does not match");
    }
}
